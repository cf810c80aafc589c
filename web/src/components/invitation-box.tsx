/**
 * The patient's invitation (issue 12): a box set apart (to cut off a printout and hand over), with the link to copy,
 * a QR code for the patient's phone and when it stops working. The link is shown once: only
 * its hash is kept on the server. The QR code is drawn here (lean-qr's nano build, a few kB),
 * so the token never leaves the page for an image service.
 */
import { generate } from "lean-qr/nano";
import { toSvgPath } from "lean-qr/extras/svg";
import { useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { whenText } from "../format.ts";
import { ErrorNote } from "./field-error.tsx";

interface Invitation {
  readonly link: string;
  readonly expiresAt: string;
}

function QrCode({ text }: { readonly text: string }) {
  const code = generate(text);
  // A quiet zone of 4 modules around the code, as ISO 18004 asks for scanning.
  const side = code.size + 8;
  return (
    <svg
      class="qr"
      viewBox={`-4 -4 ${side} ${side}`}
      role="img"
      aria-label="QR code to scan with the patient's phone"
    >
      <rect x={-4} y={-4} width={side} height={side} fill="#fff" />
      <path d={toSvgPath(code)} fill="#000" />
    </svg>
  );
}

function InvitationCard({ invitation }: { readonly invitation: Invitation }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied("Copied");
    } catch {
      setCopied("Select the link and copy it");
    }
  };
  return (
    <div class="cut-out" aria-label="Invitation for the patient" role="group">
      <p class="small">Scan with your phone, or open the link, to join your clinic’s LDN diary.</p>
      <QrCode text={invitation.link} />
      <input
        class="invite-link"
        readOnly
        value={invitation.link}
        aria-label="Invitation link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p class="small">
        Works once, until <strong class="expires">{whenText(invitation.expiresAt)}</strong>.
      </p>
      <p class="row no-print">
        <button type="button" class="secondary" onClick={copy}>
          Copy link
        </button>
        <span role="status" class="small">
          {copied}
        </span>
      </p>
    </div>
  );
}

export function InvitationBox({ id, joined }: { readonly id: string; readonly joined: boolean }) {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const invite = async () => {
    setError(null);
    try {
      const res = await api.post<{ path: string; expiresAt: string }>(`/api/patients/${id}/invitations`, {});
      setInvitation({ link: `${location.origin}${res.path}`, expiresAt: res.expiresAt });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div class="invite">
      {invitation ? (
        <InvitationCard invitation={invitation} />
      ) : (
        <button type="button" class="secondary" onClick={invite}>
          {joined ? "New invitation (resets password)" : "Invite to join"}
        </button>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
