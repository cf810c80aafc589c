/**
 * Why the patient's dose is what it is, in a plain sentence for the patient's phone, and
 * whether their clinician has confirmed it (issue 12). No engine words ("window", "MED",
 * "hormesis"), no citations: the clinician's chart keeps those.
 */
import { formatDose, type DoseUnit } from "../../domain/dose.ts";
import type { Assessment } from "../../domain/titration/titration-state.ts";

export interface DoseExplanation {
  /** Why the dose is what it is. */
  readonly why: string;
  /** Whether the clinician has confirmed it, in words. */
  readonly confirmed: string;
}

/** Where the clinician stands on what the engine says now. */
export interface ClinicianView {
  /** The assessment is of a day of the plan (false before its first day). */
  readonly started: boolean;
  readonly startDate: string;
  /** The engine's state has not been decided on by a clinician yet. */
  readonly waiting: boolean;
  /** The clinician's decision on it, if any; `insteadText` says what an override set. */
  readonly decision: { readonly decision: "accept" | "override"; readonly insteadText: string | null } | null;
}

/** Why a step down or a hold happened, from the engine's last reason that says. */
function because(a: Assessment): string {
  const codes = a.reasonData.map((r) => r.code);
  const last = [...codes]
    .reverse()
    .find((c) => ["side-effect", "hormesis", "missed-doses", "excursion"].includes(c));
  switch (last) {
    case "side-effect":
      return " because of the side effects you reported";
    case "hormesis":
      return " because your pain was worse at the higher dose";
    case "missed-doses":
      return " because some doses were missed";
    case "excursion":
      return " because your pain went up for a while";
    default:
      return "";
  }
}

/** The sentence for the state the patient is in. */
function whyText(a: Assessment, unit: DoseUnit): string {
  const dose = (ug: number) => formatDose(ug, unit);
  const next = a.next.totalUg;
  switch (a.state) {
    case "titrating":
      if (next > a.currentUg)
        return `Your dose goes up a small step, to ${dose(next)} a day, as planned: it rises slowly until your pain eases.`;
      if (next < a.currentUg) return `Your dose goes down to ${dose(next)} a day${because(a)}.`;
      return `Your dose stays at ${dose(next)} a day for now: each dose is kept for a few days before the next step.`;
    case "window":
      return `Your pain has eased, so your dose, now ${dose(next)} a day, is adjusted in small steps to find the one that works best for you.`;
    case "med":
      return `Your best dose has been found: ${dose(a.medUg ?? next)} a day. It stays the same from now on.`;
    case "maintenance":
      return `You take your regular dose of ${dose(a.medUg ?? next)} a day.`;
    case "paused":
      return `Your dose is on hold at ${dose(next)} a day${because(a)}.`;
    case "stopped":
      return `LDN has been stopped${because(a)}: take no more doses.`;
  }
}

/** "Mon 4 Jan", as the phone shows a day. */
const dayText = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** What the clinician has said about it. */
function confirmedText(view: ClinicianView): string {
  if (!view.started) return `Your plan starts on ${dayText(view.startDate)}.`;
  if (view.decision?.decision === "accept") return "Your clinician has confirmed this.";
  if (view.decision?.decision === "override")
    return view.decision.insteadText
      ? `Your clinician decided to ${view.decision.insteadText}.`
      : "Your clinician changed this plan.";
  if (view.waiting)
    return "Your clinician has not checked this yet: they will be in touch if anything changes.";
  return "This follows the plan your clinician set.";
}

/**
 * @example
 * explainDoseForPatient(a, { started: true, startDate: "2027-01-04", waiting: false, decision: { decision: "accept", insteadText: null } }, "mg")
 * // { why: "Your best dose has been found: 0.7 mg a day. It stays the same from now on.", confirmed: "Your clinician has confirmed this." }
 */
export function explainDoseForPatient(a: Assessment, view: ClinicianView, unit: DoseUnit): DoseExplanation {
  return { why: whyText(a, unit), confirmed: confirmedText(view) };
}
