/** The pharmacy's queue: each patient's next fill, the order to print, and a fill to dispense. */
import { useEffect, useState } from "preact/hooks";
import type { NextFillDto, QueueDto } from "../../../src/http/api/pharmacy.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { shortDate, STATE_LABEL } from "../format.ts";

/** "Overdue since Mon 4 Jan", "Due Mon 1 Feb", "Upcoming Mon 1 Feb". */
export function neededText(f: Pick<NextFillDto, "status" | "neededFrom">): string {
  const day = shortDate(f.neededFrom);
  return f.status === "overdue"
    ? `Overdue since ${day}`
    : f.status === "due"
      ? `Due ${day}`
      : `Upcoming ${day}`;
}

/** "0.3 mg: 0.2 mg + 0.1 mg (2 capsules), 14 doses" for each dose amount of a fill. */
export function perDoseLines(f: Pick<NextFillDto, "recipes">): string[] {
  return f.recipes.map(
    (r) =>
      `${r.dose}: ${r.capsulesText} (${r.capsulesPerDose} capsule${r.capsulesPerDose === 1 ? "" : "s"}), ${r.count} dose${r.count === 1 ? "" : "s"}`,
  );
}

export function PharmacyQueue({ role }: { readonly role: string }) {
  const [queue, setQueue] = useState<QueueDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.get<QueueDto>("/api/pharmacy/queue").then(setQueue, (e) => setError(messageOf(e)));
  }, [version]);
  const dispensed = (text: string) => {
    setDone(text);
    setVersion((v) => v + 1);
  };
  return (
    <section>
      <h1>Pharmacy queue</h1>
      <ErrorNote message={error} />
      <p class="muted small">{queue?.settings.notes.join("; ")}</p>
      <p role="status" class="good">
        {done}
      </p>
      {queue === null && !error && <p class="loading">Loading the queue…</p>}
      {queue?.fills.length === 0 && <p>No patient on a plan has a fill to make.</p>}
      {queue && queue.fills.length > 0 && (
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Needed</th>
              <th scope="col">Fill</th>
              <th scope="col">Capsules</th>
              <th scope="col">Per dose</th>
              <th scope="col">Prescriber</th>
              <th scope="col">Order and dispensing</th>
            </tr>
          </thead>
          <tbody>
            {queue.fills.map((f) => (
              <QueueRow
                key={f.patientId}
                fill={f}
                canDispense={role === "pharmacist"}
                onDispensed={dispensed}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function QueueRow({
  fill: f,
  canDispense,
  onDispensed,
}: {
  readonly fill: NextFillDto;
  readonly canDispense: boolean;
  readonly onDispensed: (text: string) => void;
}) {
  return (
    <tr class={`fill ${f.status}`}>
      <td>
        <a href={`/patients/${f.patientId}`}>{f.patientName}</a>
        {f.state && <div class="muted small">{STATE_LABEL[f.state]}</div>}
      </td>
      <td class={`needed ${f.status}`}>{neededText(f)}</td>
      <td class="nowrap">
        {shortDate(f.start)} to {shortDate(f.end)}
        <div class="muted small">{f.days} days</div>
      </td>
      <td>
        {f.note ??
          f.strengths.map((s) => (
            <div key={s.ug} class="nowrap">
              {s.quantity} x {s.strength}
            </div>
          ))}
      </td>
      <td>
        {perDoseLines(f).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </td>
      <td>{f.prescriber.name ?? <span class="muted">not recorded</span>}</td>
      <td>
        {f.note === null && (
          <div class="stack">
            <a href={`/api/patients/${f.patientId}/order.pdf`} download>
              Order PDF<span class="sr-only"> for {f.patientName}</span>
            </a>
            {canDispense && <Dispense fill={f} onDispensed={onDispensed} />}
          </div>
        )}
      </td>
    </tr>
  );
}

/** Dispense, then a confirmation naming what is handed over, recorded once under one key. */
export function Dispense({
  fill: f,
  onDispensed,
}: {
  readonly fill: NextFillDto;
  readonly onDispensed: (text: string) => void;
}) {
  // One key per confirmation: a double click or a retry records the fill once.
  const [key, setKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = `${f.strengths.map((s) => `${s.quantity} x ${s.strength}`).join(", ")} for ${shortDate(f.start)} to ${shortDate(f.end)}`;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(
        `/api/patients/${f.patientId}/fills`,
        { fillStart: f.start, strengths: f.strengths.map((s) => ({ ug: s.ug, quantity: s.quantity })) },
        { "idempotency-key": key! },
      );
      setKey(null);
      onDispensed(`Dispensed ${f.patientName}'s fill: ${what}.`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  if (key === null)
    return (
      <button type="button" onClick={() => setKey(crypto.randomUUID())}>
        Dispense<span class="sr-only"> {f.patientName}'s fill</span>
      </button>
    );
  return (
    <div role="group" aria-label={`Confirm dispensing for ${f.patientName}`} class="stack">
      <p class="small">Record as dispensed now, by you: {what}?</p>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void confirm()}>
          Confirm dispensed
        </button>
        <button type="button" class="secondary" onClick={() => setKey(null)}>
          Cancel
        </button>
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
