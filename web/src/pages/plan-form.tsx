/**
 * Choosing a protocol: its rule, source, limits and settings; an opioid alert needs a reason. While
 * screening has pregnancy "unknown" no plan can start (the server refuses it too): the form says so
 * and offers to record the status, which screens the patient again.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { Source } from "../components/source.tsx";
import { splitCitation, todayIso } from "../format.ts";
import type { ProtocolDto } from "../../../src/http/api/patients.ts";
import type { ScreeningResultDto } from "../../../src/http/api/screening.ts";

/** What the clinician can record instead of "unknown" (004 excluded pregnancy). */
const PREGNANCY_CHOICES = [
  ["no", "Not pregnant"],
  ["not-applicable", "Not applicable (cannot be pregnant)"],
  ["yes", "Pregnant"],
] as const;

type Fit = ScreeningResultDto["protocols"][number];

/** How screening's fit reads in the list of protocols. */
const FIT_LABEL: Readonly<Record<string, string>> = {
  suggested: "suggested by screening",
  possible: "possible",
  unsuitable: "not suitable (see below)",
};

/** The protocol to offer first: the one screening suggests, else the first it allows. */
function firstChoice(fits: readonly Fit[]): string {
  return (
    fits.find((f) => f.fit === "suggested")?.protocolId ??
    fits.find((f) => f.fit !== "unsuitable")?.protocolId ??
    "micro-titration"
  );
}

export function PlanForm({
  id,
  screening,
  onCreated,
}: {
  readonly id: string;
  readonly screening: ScreeningResultDto;
  readonly onCreated: () => void;
}) {
  const fits = screening.protocols;
  const pregnancyUnknown = screening.reasons.find((r) => r.code === "pregnancy-unknown");
  const [protocols, setProtocols] = useState<ProtocolDto[]>([]);
  const [protocolId, setProtocolId] = useState(() => firstChoice(fits));
  const [startDate, setStartDate] = useState(todayIso());
  const [detector, setDetector] = useState("robust");
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pregnancy, setPregnancy] = useState("");
  const [screenError, setScreenError] = useState<string | null>(null);
  useEffect(() => {
    api.get<ProtocolDto[]>("/api/protocols").then(setProtocols, (e) => setError(messageOf(e)));
  }, []);
  // Screened again (the pregnancy status recorded, say): the choice follows the new screening.
  const unsuitable = fits.filter((f) => f.fit === "unsuitable");
  useEffect(() => {
    if (unsuitable.some((f) => f.protocolId === protocolId)) setProtocolId(firstChoice(fits));
    // Only when the screening changes, never over the clinician's own choice.
  }, [screening]);
  const protocol = protocols.find((p) => p.id === protocolId);
  const fit = fits.find((f) => f.protocolId === protocolId);
  /** Screens the patient again with the pregnancy status now known; the page then reloads the record. */
  const recordPregnancy = async () => {
    setScreenError(null);
    try {
      const record = await api.get<{ screening: { answers: Record<string, unknown> } }>(
        `/api/patients/${id}`,
      );
      await api.post(`/api/patients/${id}/screening`, { ...record.screening.answers, pregnancy });
      onCreated();
    } catch (err) {
      setScreenError(messageOf(err));
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const given = Object.fromEntries(
      Object.entries(settings)
        .filter(([, v]) => v.trim() !== "")
        .map(([k, v]) => [
          k,
          k === "times" ? v.split(",").map((t) => t.trim()) : /^\d+$/.test(v.trim()) ? Number(v) : v.trim(),
        ]),
    );
    try {
      await api.post(`/api/patients/${id}/plans`, {
        protocolId,
        startDate,
        detector,
        settings: given,
        ...(fit?.interaction ? { interactionReason: reason } : {}),
      });
      onCreated();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form onSubmit={submit} class="stack">
      {pregnancyUnknown && (
        <div class="alert" role="alert">
          <p>
            <strong>No plan can start yet: pregnancy status unknown.</strong> Record pregnancy status (yes /
            no / not applicable) in screening before starting a plan (004 excluded pregnancy).
          </p>
          <div class="row">
            <label>
              Pregnancy status
              <select
                name="pregnancyStatus"
                value={pregnancy}
                onChange={(e) => setPregnancy(e.currentTarget.value)}
              >
                <option value="">Choose…</option>
                {PREGNANCY_CHOICES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={pregnancy === ""} onClick={recordPregnancy}>
              Record and screen again
            </button>
          </div>
          <ErrorNote message={screenError} />
        </div>
      )}
      <label>
        Protocol
        <select
          name="protocol"
          value={protocolId}
          onChange={(e) => {
            setProtocolId(e.currentTarget.value);
            // A refusal was about the choice before: it must not stay beside a new one.
            setError(null);
          }}
        >
          {protocols.map((p) => {
            const f = fits.find((x) => x.protocolId === p.id);
            return (
              <option key={p.id} value={p.id} disabled={f?.fit === "unsuitable"}>
                {p.name}
                {f ? ` — ${FIT_LABEL[f.fit] ?? f.fit}` : ""}
              </option>
            );
          })}
        </select>
      </label>
      {unsuitable.length > 0 && (
        <details class="small unsuitable">
          <summary>
            {unsuitable.length} {unsuitable.length === 1 ? "protocol" : "protocols"} not suitable for this
            patient, and why
          </summary>
          <ul>
            {unsuitable.map((f) => (
              <li key={f.protocolId}>
                <strong>{protocols.find((p) => p.id === f.protocolId)?.name ?? f.protocolId}</strong>: {f.why}
              </li>
            ))}
          </ul>
        </details>
      )}
      {protocol && (
        <div class="small protocol-info">
          <p>{protocol.rule}</p>
          <p class="muted">
            Limits: {protocol.limits.maxPerDay} a day, steps of at most {protocol.limits.maxStep}, up to{" "}
            {protocol.limits.maxDosesPerDay} doses a day.
          </p>
          <Source>{protocol.source}</Source>
          {fit && <p>Screening: {fit.why}</p>}
          <details>
            <summary>Settings</summary>
            {protocol.settings.map((s) => (
              <label key={s.key}>
                {s.label}{" "}
                {s.provenance === "clinic-setting" ? (
                  <span class="tag">clinic setting</span>
                ) : (
                  <span class="tag">published</span>
                )}
                <input
                  placeholder={s.default}
                  value={settings[s.key] ?? ""}
                  onInput={(e) => setSettings({ ...settings, [s.key]: e.currentTarget.value })}
                />
                <Source>{s.note}</Source>
              </label>
            ))}
          </details>
          {protocol.notes.map((n) => {
            const { text, source } = splitCitation(n);
            return (
              <p key={n} class="warning">
                {text} {source && <Source>{source}</Source>}
              </p>
            );
          })}
        </div>
      )}
      <div class="row">
        <label>
          Start date
          <input
            type="date"
            name="startDate"
            required
            value={startDate}
            onInput={(e) => {
              setStartDate(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <label>
          Detector
          <select value={detector} onChange={(e) => setDetector(e.currentTarget.value)}>
            <option value="robust">Robust (for noisy daily ratings)</option>
            <option value="literal">Literal (004's rule as written)</option>
          </select>
        </label>
      </div>
      {fit?.interaction && (
        <div class="alert" role="alert">
          <p>
            <strong>Opioid interaction ({fit.interaction.severity}).</strong> {fit.interaction.message}
          </p>
          <label>
            Why you go on (recorded with your name)
            <textarea
              name="interactionReason"
              required
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
        </div>
      )}
      <ErrorNote message={error} />
      <button type="submit" disabled={pregnancyUnknown !== undefined}>
        Start plan
      </button>
    </form>
  );
}
