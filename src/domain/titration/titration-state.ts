/** The states of a titration and what the engine returns for a day. */
import type { IsoDate } from "../calendar-date.ts";
import type { ScheduledDose } from "../protocols/split-doses.ts";
import type { Alert } from "./alerts.ts";
import type { Reason } from "./machine/journal.ts";
import type { DetectorName } from "./detectors/detector.ts";
import type { LevelSummary } from "./level-stats.ts";

/**
 * - titrating: moving through doses (or holding a fixed dose for its assessment period);
 * - window: the window of effectiveness has begun, the MED is being searched (004);
 * - med: the MED is established; doses are being consolidated into fewer a day (004);
 * - paused: held for a side effect (GI upset until it settles, agitation until a clinician reviews) or by a clinician;
 * - stopped: no response at the maximum (004: stop at 6 mg with no improvement), or by a clinician;
 * - maintenance: the MED (or working fixed dose) is kept, doses consolidated.
 */
export type TitrationState = "titrating" | "window" | "med" | "paused" | "stopped" | "maintenance";

/** What to take on `date`, the day after the assessment. */
export interface NextDoses {
  readonly date: IsoDate;
  readonly totalUg: number;
  readonly doses: readonly ScheduledDose[];
}

/** Where a patient stands as of a date, and why. */
export interface Assessment {
  readonly asOf: IsoDate;
  /** "micro-titration@2": the protocol version that made this recommendation. */
  readonly protocolKey: string;
  readonly detector: DetectorName;
  readonly state: TitrationState;
  readonly medUg: number | null;
  /** The first level of the window of effectiveness, once entered. */
  readonly windowUg: number | null;
  /** The daily total taken on the last day that counted. */
  readonly currentUg: number;
  readonly next: NextDoses;
  readonly hormesis: boolean;
  /** Dated decisions, each with the numbers it compared, then why tomorrow's doses are what they are. */
  readonly reasons: readonly string[];
  /** The same reasons as data (code, date, text, the numbers by name), for other systems to render. */
  readonly reasonData: readonly Reason[];
  /** The date the titration reached a decision (MED, maintenance or stop), if it has. */
  readonly decidedOn: IsoDate | null;
  readonly levels: readonly LevelSummary[];
  /** What a clinician should see now (empty when nothing); see `alerts.ts`. */
  readonly alerts: readonly Alert[];
}
