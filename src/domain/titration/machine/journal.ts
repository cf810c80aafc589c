/**
 * What the machine says as it reads the diary: dated reasons (structured: a code, the
 * numbers, the text) and alerts. Reasons are kept in order; the last "note" says why
 * tomorrow's doses are what they are and is replaced as each day is read.
 */
import type { IsoDate } from "../../calendar-date.ts";
import type { Alert, AlertCode } from "../alerts.ts";

/** Kinds of reason, stable for other systems to read. */
export type ReasonCode =
  | "start"
  | "level-incomplete"
  | "window-check"
  | "window-entered"
  | "med-search"
  | "med-set"
  | "hormesis"
  | "next-level"
  | "stop"
  | "fixed-look"
  | "fixed-works"
  | "adjust"
  | "consolidation"
  | "maintenance"
  | "excursion"
  | "side-effect"
  | "pause"
  | "resume"
  | "clinician"
  | "dose-check"
  | "missed-doses"
  | "baseline"
  | "fading";

export interface Reason {
  readonly code: ReasonCode;
  readonly date: IsoDate;
  /** The reason in words, with the numbers it compared. */
  readonly text: string;
  /** The numbers behind the text (doses in micrograms, pain on 0-10), by name. */
  readonly values?: Readonly<Record<string, number>>;
}

export class Journal {
  private readonly events: Reason[] = [];
  private current: Reason | null = null;
  private readonly raised: Alert[] = [];

  /** A reason that stands (a decision, a change). */
  event(code: ReasonCode, date: IsoDate, text: string, values?: Record<string, number>): void {
    this.events.push({ code, date, text, ...(values ? { values } : {}) });
  }

  /** Why tomorrow's doses are what they are; replaces the previous note. */
  note(code: ReasonCode, date: IsoDate, text: string, values?: Record<string, number>): void {
    this.current = { code, date, text, ...(values ? { values } : {}) };
  }

  /** Adds to the current note (the next level after a verdict, say), or starts one. */
  extendNote(date: IsoDate, text: string): void {
    this.current = this.current
      ? { ...this.current, text: `${this.current.text}; ${text}` }
      : { code: "next-level", date, text };
  }

  /** The current note's text, if any. */
  noteText(): string | undefined {
    return this.current?.text;
  }

  clearNote(): void {
    this.current = null;
  }

  alert(code: AlertCode, date: IsoDate, message: string, patientMessage?: string): void {
    this.raised.push({ code, date, message, ...(patientMessage ? { patientMessage } : {}) });
  }

  /** Every reason, the current note last. */
  reasons(): Reason[] {
    return this.current ? [...this.events, this.current] : [...this.events];
  }

  /** Alerts raised on or after `since`. */
  alertsSince(since: IsoDate): Alert[] {
    return this.raised.filter((a) => a.date >= since);
  }
}

/**
 * The text form of a reason, as `reasons` has always carried it: "2027-01-14: ...".
 *
 * @example reasonText({ code: "stop", date: "2027-05-03", text: "no improvement by 6 mg" }) // "2027-05-03: no improvement by 6 mg"
 */
export function reasonText(r: Reason): string {
  return `${r.date}: ${r.text}`;
}
