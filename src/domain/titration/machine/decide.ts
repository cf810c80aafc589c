/**
 * A clinician's decisions, applied after the day's diary entry: a dose (reached at the
 * protocol's pace), the MED, fewer doses a day, a pause, a resume, a stop. Each is recorded
 * with the note the clinician gave.
 */
import { invalidDose } from "../../errors.ts";
import type { ClinicianDecision } from "../decisions.ts";
import { climbNote } from "./next-doses.ts";
import { setMed } from "./med.ts";
import { pause, show, stop, type Titration } from "./titration.ts";

/**
 * @example applyDecision(t, { date: "2027-02-01", kind: "stop", note: "patient's wish" }, progress)
 */
export function applyDecision(t: Titration, decision: ClinicianDecision, progress: () => void): void {
  const s = t.s;
  const by = `clinician ${decision.kind}${decision.note ? ` (${decision.note})` : ""}`;
  switch (decision.kind) {
    case "set-dose":
      checkUnits(t, decision.totalUg, "totalUg");
      if (s.state === "paused" || s.state === "stopped") s.state = resumable(s.resumeTo);
      s.targetUg = decision.totalUg;
      s.levelDone = false;
      t.journal.event(
        "clinician",
        decision.date,
        `${by}: ${show(t, decision.totalUg)} a day${climbNote(t, decision.totalUg)}`,
        {
          totalUg: decision.totalUg,
        },
      );
      return;
    case "set-med":
      checkUnits(t, decision.totalUg, "totalUg");
      setMed(t, decision.totalUg, by, decision.date);
      return;
    case "consolidate":
      s.doseCount = decision.doseCount;
      s.consolidation = null;
      if (s.medUg !== null) s.state = "maintenance";
      t.journal.event("clinician", decision.date, `${by}: ${decision.doseCount} dose(s) a day`, {
        doseCount: decision.doseCount,
      });
      return;
    case "pause":
      pause(t, "clinician", decision.date, by);
      return;
    case "resume":
      if (s.state === "paused" || s.state === "stopped") s.state = resumable(s.resumeTo);
      s.pauseCause = null;
      t.journal.event("resume", decision.date, `${by}: back to ${s.state}`);
      progress();
      return;
    case "stop":
      stop(t, decision.date, by);
      return;
  }
}

function resumable(state: Titration["s"]["state"]): Titration["s"]["state"] {
  return state === "paused" || state === "stopped" ? "titrating" : state;
}

function checkUnits(t: Titration, totalUg: number, field: string): void {
  if (totalUg % t.granularityUg !== 0) {
    throw invalidDose(
      `${field}: ${show(t, totalUg)} is not a whole number of ${show(t, t.granularityUg)} units for ${t.plan.protocol.id}`,
      { field, value: totalUg },
    );
  }
}
