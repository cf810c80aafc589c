/**
 * The titration state machine. It reads one calendar day at a time (the diary entry, if
 * any, then the clinician's decisions of that day) and keeps what the next day's doses
 * should be. It holds no clock and no randomness: the same plan and days always give the
 * same result, so `assessTitration` replays it for any `asOf` and `ldn simulate` drives it
 * day by day. State is mutated inside one machine only; nothing outside can reach it.
 */
import { addDays, type IsoDate } from "../calendar-date.ts";
import { formatDose } from "../dose.ts";
import { DomainError } from "../errors.ts";
import { takenUg, type DiaryDay } from "../diary/diary-day.ts";
import { GI_EFFECTS, SLEEP_EFFECTS } from "../diary/side-effects.ts";
import { protocolKey } from "../protocols/catalogue.ts";
import { limitViolations } from "../protocols/limits.ts";
import type { ProtocolDefinition, ResolvedSettings } from "../protocols/protocol.ts";
import { splitDoses, type ScheduledDose } from "../protocols/split-doses.ts";
import type { ClinicianDecision } from "./decisions.ts";
import { baselineOf, type Baseline, type Detector, type Verdict } from "./detectors/detector.ts";
import { LevelStats } from "./level-stats.ts";
import { daySignals } from "./signals.ts";
import type { SignalName } from "./detectors/signal-series.ts";
import { rulesFor, type ProtocolRules } from "./protocol-rules.ts";
import { sleepTimes, SLEEP_STEP_TEXT, type SleepStep } from "./sleep-times.ts";
import {
  CONSOLIDATION_TOLERANCE_POINTS,
  CONSOLIDATION_TRIAL_DAYS,
  EARLY_LOOK_DAYS,
  GI_SETTLED_DAYS,
  SLEEP_PERSIST_DAYS,
} from "./thresholds.ts";
import type { Assessment, NextDoses, TitrationState } from "./titration-state.ts";
import type { Alert } from "./alerts.ts";
import type { OpioidsAtScreening } from "./assess-titration.ts";

export interface TitrationPlan {
  readonly protocol: ProtocolDefinition;
  readonly settings: ResolvedSettings;
  /** The day of the first dose. */
  readonly start: IsoDate;
  readonly detector: Detector;
  /** Pain ratings before the first dose. */
  readonly baselinePain: readonly number[];
  /** Wellbeing scores (mean of mood, energy, clarity) of the baseline days that rated them. */
  readonly baselineWellbeing?: readonly number[];
  /** The opioids recorded at screening, if any. */
  readonly opioids?: OpioidsAtScreening;
}

type PauseCause = "gi" | "agitation" | "clinician";

interface Consolidation {
  /** Doses a day before the trial now running. */
  readonly from: number;
  days: number;
  painSum: number;
  /** Mean pain at the MED with the dose count it was found at. */
  reference: number | null;
}

export class TitrationMachine {
  private readonly rules: ProtocolRules;
  /** The plan's detector as it applies to this protocol's rules. */
  private readonly detector: Detector;
  private readonly stats = new LevelStats();
  private readonly granularityUg: number;
  private state: TitrationState;
  private resumeTo: TitrationState = "titrating";
  private pauseCause: PauseCause | null = null;
  private giClearDays = 0;
  private path: number[] = [];
  private windowIndex: number | null = null;
  private windowUg: number | null = null;
  private windowSignal: SignalName | undefined = undefined;
  private medUg: number | null = null;
  private hormesis = false;
  private targetUg: number;
  private currentUg = 0;
  private doseCount: number;
  private sleepStep: SleepStep = 0;
  private sleepChangedDay = Number.NEGATIVE_INFINITY;
  private sleepReviewAsked = false;
  private day = 0;
  private adjustPhase: "fixed" | "up" | "down" = "fixed";
  private consolidation: Consolidation | null = null;
  /** Days in a row with side effects at one dose (fixed protocols' tolerability rule). */
  private sideEffectRun = { ug: 0, days: 0 };
  private readonly baselineDays: Baseline | null;
  private noBaselineNoted = false;
  private decidedOn: IsoDate | null = null;
  private readonly events: string[] = [];
  private note = "";

  constructor(private readonly plan: TitrationPlan) {
    this.rules = rulesFor(plan.protocol, plan.settings);
    this.granularityUg = plan.protocol.regimen(plan.settings).granularityUg;
    this.doseCount = plan.settings.times.length;
    this.detector = plan.detector.forProtocol?.(this.rules) ?? plan.detector;
    this.baselineDays = plan.baselinePain.length
      ? baselineOf(plan.baselinePain, plan.baselineWellbeing ?? [])
      : null;
    this.targetUg = this.rules.kind === "ascending" ? this.rules.startUg : this.rules.doseUg;
    this.state = this.rules.kind === "continuous" ? "maintenance" : "titrating";
    this.note =
      this.rules.kind === "continuous"
        ? `ULDN ${formatDose(this.targetUg, plan.protocol.unit)} a day, continued for as long as opioids continue (000: OIH recurs if stopped)`
        : `start at ${formatDose(this.targetUg, plan.protocol.unit)} a day (${plan.protocol.rule})`;
  }

  /** The date of the last day read (the day before the start before any). */
  get lastDate(): IsoDate {
    return addDays(this.plan.start, this.day - 1);
  }

  /**
   * Reads the next calendar day: its diary entry when there is one. A day without an entry
   * changes nothing (missing days are normal; nothing is invented for them).
   *
   * @example machine.readDay({ date: "2027-01-04", doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] })
   */
  readDay(entry: DiaryDay | undefined): void {
    const expected = this.state === "stopped" ? 0 : this.nextTotal();
    this.day += 1;
    if (!entry || this.state === "stopped") return;
    const taken = takenUg(entry);
    const counts = taken > 0 && taken >= expected;
    if (counts) {
      this.stats.add(taken, entry.pain, daySignals(entry).wellbeing);
      this.currentUg = taken;
    } else if (taken < expected) {
      this.note = `${entry.date}: ${formatDose(taken, this.unit)} of ${formatDose(expected, this.unit)} taken: a day with missed doses does not count toward the level`;
    }
    if (this.baselineDays === null && counts) this.adoptFirstLevelAsBaseline(entry.date);
    this.sideEffects(entry);
    if (counts && this.state !== "paused") this.progress(entry);
  }

  /**
   * Applies a clinician's decision; it shapes the doses from the next day on.
   *
   * @example machine.decide({ date: "2027-02-01", kind: "stop", note: "patient's wish" })
   */
  decide(decision: ClinicianDecision): void {
    const by = `${decision.date}: clinician ${decision.kind}${decision.note ? ` (${decision.note})` : ""}`;
    switch (decision.kind) {
      case "set-dose":
        this.checkUnits(decision.totalUg, "totalUg");
        if (this.state === "paused" || this.state === "stopped") this.state = this.resumeTo;
        this.targetUg = decision.totalUg;
        this.log(
          `${by}: ${formatDose(decision.totalUg, this.unit)} a day${this.climbNote(decision.totalUg)}`,
        );
        return;
      case "set-med":
        this.checkUnits(decision.totalUg, "totalUg");
        this.setMed(decision.totalUg, by, decision.date);
        return;
      case "consolidate":
        this.doseCount = decision.doseCount;
        this.consolidation = null;
        if (this.medUg !== null) this.state = "maintenance";
        this.log(`${by}: ${decision.doseCount} dose(s) a day`);
        return;
      case "pause":
        this.pause("clinician", by);
        return;
      case "resume":
        if (this.state === "paused" || this.state === "stopped") {
          this.state =
            this.resumeTo === "paused" || this.resumeTo === "stopped" ? "titrating" : this.resumeTo;
        }
        this.pauseCause = null;
        this.log(`${by}: back to ${this.state}`);
        this.progress(undefined);
        return;
      case "stop":
        this.stop(by, decision.date);
        return;
    }
  }

  /**
   * The doses for the day after the last day read, always within the protocol's limits.
   *
   * @example machine.next() // { date: "2027-01-05", totalUg: 100, doses: [{ time: "08:00", ug: 100 }] }
   */
  next(): NextDoses {
    const date = addDays(this.plan.start, this.day);
    if (this.state === "stopped") return { date, totalUg: 0, doses: [] };
    const totalUg = this.nextTotal();
    return { date, totalUg, doses: this.safeDoses(totalUg) };
  }

  /** Where the patient stands after the last day read, with every reason. */
  assessment(): Assessment {
    return {
      asOf: this.lastDate,
      protocolKey: protocolKey(this.plan.protocol),
      detector: this.detector.name,
      state: this.state,
      medUg: this.medUg,
      windowUg: this.windowUg,
      currentUg: this.currentUg,
      next: this.next(),
      hormesis: this.hormesis,
      reasons: [...this.events, this.note].filter((r) => r !== ""),
      decidedOn: this.decidedOn,
      levels: this.stats.summaries(this.stats.visited()),
      alerts: this.alerts(),
    };
  }

  private alerts(): Alert[] {
    const opioids = this.plan.opioids;
    const titrating = this.state !== "stopped" && !this.plan.protocol.withOpioids;
    if (!opioids || opioids.names.length === 0 || !titrating) return [];
    const names = opioids.names.join(", ");
    return [
      {
        code: "titrating-on-opioids",
        date: this.lastDate,
        message:
          `${names} (${opioids.mmePerDay} MME a day) recorded at screening: naltrexone can knock opioids off their receptors, ` +
          "inducing withdrawal and worsening pain (002); ask about withdrawal at each contact",
        patientMessage: `You also take ${names}. If you feel unwell after a dose of LDN, as in opioid withdrawal, note it in your diary and call the clinic before your next dose.`,
      },
    ];
  }

  /** The state now (for callers driving the machine day by day). */
  get currentState(): TitrationState {
    return this.state;
  }

  private get unit() {
    return this.plan.protocol.unit;
  }

  // ---- progress through the protocol -------------------------------------------------

  /** Moves on when the current level has its days; `entry` is the day just read (none after a resume). */
  private progress(entry: DiaryDay | undefined): void {
    if (this.rules.kind === "continuous" || this.currentUg === 0) return;
    if (this.state === "med" || this.state === "maintenance") {
      if (entry) this.atMed(entry);
      return;
    }
    const rules = this.rules;
    if (rules.kind === "ascending") this.ascend(rules);
    else if (rules.kind === "fixed") this.holdFixed(rules);
    else if (rules.kind === "fixed-then-adjust") this.adjust(rules);
  }

  private ascend(rules: Extract<ProtocolRules, { kind: "ascending" }>): void {
    const level = this.currentUg;
    if (!this.levelComplete(level, rules.daysPerLevel)) return;
    this.path.push(level);
    if (this.state === "titrating") this.checkWindow();
    if (this.state === "window") {
      const verdict = this.detector.med(this.stats, this.windowPath(), this.searchContext());
      if (verdict.medUg !== null)
        return this.setMed(verdict.medUg, verdict.reason, this.lastDate, verdict.harm);
      this.note = `${this.lastDate}: ${verdict.reason}`;
    }
    if (level >= rules.maxUg) return this.endOfRange(rules.maxUg);
    this.targetUg = Math.min(level + rules.stepUg, rules.maxUg);
    this.note += `; next ${formatDose(this.targetUg, this.unit)} a day (${this.plan.protocol.id}: +${formatDose(rules.stepUg, this.unit)} every ${rules.daysPerLevel} days)`;
  }

  /** True once the level has its days; says how many are still needed otherwise. */
  private levelComplete(level: number, daysNeeded: number): boolean {
    if (this.path.includes(level)) return false;
    const have = this.stats.count(level);
    if (have >= daysNeeded) return true;
    this.note = `${this.lastDate}: ${have} of ${daysNeeded} days recorded at ${formatDose(level, this.unit)}; stay at this dose`;
    return false;
  }

  private checkWindow(): void {
    const verdict = this.detector.windowEntry(this.baseline(), this.stats, this.path);
    this.note = `${this.lastDate}: ${verdict.reason}`;
    if (!verdict.entered) return;
    this.state = "window";
    this.windowIndex = this.path.indexOf(verdict.atUg);
    this.windowUg = verdict.atUg;
    this.windowSignal = verdict.signal;
    this.log(
      `${this.lastDate}: window of effectiveness entered at ${formatDose(verdict.atUg, this.unit)}: ${verdict.reason}`,
    );
  }

  private windowPath(): number[] {
    return this.path.slice(this.windowIndex ?? 0);
  }

  private searchContext() {
    return {
      baseline: this.baseline(),
      before: this.path.slice(0, this.windowIndex ?? 0),
      ...(this.windowSignal ? { signal: this.windowSignal } : {}),
    };
  }

  private endOfRange(maxUg: number): void {
    if (this.state === "window") {
      const best = this.detector.best(this.stats, this.windowPath(), this.searchContext());
      this.setMed(
        best.medUg,
        `reached the ${formatDose(maxUg, this.unit)} maximum in the window; ${best.reason}`,
      );
      return;
    }
    this.stop(
      `${this.lastDate}: no improvement by ${formatDose(maxUg, this.unit)}, the protocol's maximum: stop (004: stop if no improvement at 6.0 mg); ${this.note}`,
      this.lastDate,
    );
  }

  /**
   * 003 judges a fixed dose "after 2-4 weeks": at the 2-week look a detector that offers it
   * may settle a clear response early; anything less waits for the whole assessment period.
   */
  private clearEarly(dose: number, assessmentDays: number): Verdict | null {
    const detector = this.detector;
    if (!detector.clearResponse || assessmentDays <= EARLY_LOOK_DAYS) return null;
    if (this.stats.count(dose) !== EARLY_LOOK_DAYS) return null;
    const verdict = detector.clearResponse(this.stats, dose, this.baseline());
    if (verdict.yes) return verdict;
    this.log(
      `${this.lastDate}: ${EARLY_LOOK_DAYS}-day look (003: 2-4 weeks): not yet a clear response (${verdict.reason}); judged again after ${assessmentDays} days`,
    );
    return null;
  }

  private holdFixed(rules: Extract<ProtocolRules, { kind: "fixed" }>): void {
    const dose = this.currentUg;
    const early = this.clearEarly(dose, rules.assessmentDays);
    if (!early && !this.levelComplete(dose, rules.assessmentDays)) return;
    const verdict = early ?? this.detector.responds(this.stats, dose, this.baseline());
    if (verdict.yes) {
      this.medUg = dose;
      this.state = "maintenance";
      this.decidedOn = this.lastDate;
      this.log(
        `${this.lastDate}: ${formatDose(dose, this.unit)} works after ${this.stats.count(dose)} days (003: judge after 2-4 weeks): ${verdict.reason}; maintenance`,
      );
      return;
    }
    this.stop(
      `${this.lastDate}: no response to ${formatDose(dose, this.unit)} after ${rules.assessmentDays} days: ${verdict.reason}; ` +
        "004: patients who failed a fixed dose can be re-titrated (micro-titration)",
      this.lastDate,
    );
  }

  private adjust(rules: Extract<ProtocolRules, { kind: "fixed-then-adjust" }>): void {
    const level = this.currentUg;
    if (this.adjustPhase === "fixed") {
      const early = this.clearEarly(level, rules.assessmentDays);
      if (!early && !this.levelComplete(level, rules.assessmentDays)) return;
      const verdict = early ?? this.detector.responds(this.stats, level, this.baseline());
      if (!verdict.yes) {
        this.stop(
          `${this.lastDate}: the fixed ${formatDose(level)} did not work: ${verdict.reason}; 004: re-titrate with micro-titration`,
          this.lastDate,
        );
        return;
      }
      this.path = [level];
      this.windowIndex = 0;
      this.windowUg = level;
      this.state = "window";
      this.adjustPhase = "up";
      this.log(
        `${this.lastDate}: the fixed ${formatDose(level)} works (${verdict.reason}); micro-adjusting above it (004, Conclusions)`,
      );
      this.stepAdjust(rules, level);
      return;
    }
    if (!this.levelComplete(level, rules.daysPerStep)) return;
    this.path.push(level);
    const verdict = this.detector.med(this.stats, this.path, { baseline: this.baseline(), before: [] });
    this.note = `${this.lastDate}: ${verdict.reason}`;
    if (verdict.medUg !== null) {
      if (this.adjustPhase === "up" && verdict.medUg === this.path[0]) {
        this.adjustPhase = "down";
        this.path = [verdict.medUg];
        this.log(
          `${this.lastDate}: no gain above ${formatDose(verdict.medUg)} (${verdict.reason}); micro-adjusting below it (004, Conclusions)`,
        );
        this.stepAdjust(rules, verdict.medUg);
        return;
      }
      this.setMed(verdict.medUg, verdict.reason);
      return;
    }
    this.stepAdjust(rules, level);
  }

  private stepAdjust(rules: Extract<ProtocolRules, { kind: "fixed-then-adjust" }>, from: number): void {
    const next = this.adjustPhase === "up" ? from + rules.stepUg : from - rules.stepUg;
    if (next > rules.maxUg || next < rules.minUg) {
      const best = this.detector.best(this.stats, this.path, { baseline: this.baseline(), before: [] });
      this.setMed(best.medUg, `end of the range; ${best.reason}`);
      return;
    }
    this.targetUg = next;
    this.note += `; next ${formatDose(next)} a day (004: micro-adjust by ${formatDose(rules.stepUg)})`;
  }

  // ---- MED, consolidation and maintenance -----------------------------------------------

  private setMed(ug: number, reason: string, date: IsoDate = this.lastDate, harm = false): void {
    this.medUg = ug;
    this.state = "med";
    this.targetUg = ug;
    this.decidedOn ??= date;
    this.consolidation = { from: this.doseCount, days: 0, painSum: 0, reference: null };
    this.log(`${date}: MED ${formatDose(ug, this.unit)}: ${reason}`);
    const path = this.windowPath().length ? this.windowPath() : this.stats.visited();
    const verdict = this.detector.hormesis(this.stats, path, ug, this.baseline());
    if (harm) this.hormesis = true;
    if (verdict.yes) {
      this.hormesis = true;
      this.log(`${date}: ${verdict.reason}`);
    }
    this.note = `${date}: back to the MED ${formatDose(ug, this.unit)} a day`;
  }

  private atMed(entry: DiaryDay): void {
    const med = this.medUg!;
    if (this.currentUg !== med) {
      this.judgeExcursion(med);
      return;
    }
    const c = this.consolidation;
    if (this.state !== "med" || !c) {
      this.note = `${entry.date}: maintenance at the MED ${formatDose(med, this.unit)} in ${this.doseCount} dose(s) a day`;
      return;
    }
    c.days += 1;
    c.painSum += entry.pain;
    if (c.days < CONSOLIDATION_TRIAL_DAYS) {
      this.note = `${entry.date}: day ${c.days} of ${CONSOLIDATION_TRIAL_DAYS} at the MED in ${this.doseCount} dose(s) a day (clinic setting)`;
      return;
    }
    const trialMean = c.painSum / c.days;
    if (c.reference === null) {
      c.reference = trialMean;
    } else if (trialMean > c.reference + CONSOLIDATION_TOLERANCE_POINTS) {
      this.doseCount = c.from;
      this.maintain(
        `${entry.date}: pain ${trialMean.toFixed(1)} in fewer doses against ${c.reference.toFixed(1)} before (more than ${CONSOLIDATION_TOLERANCE_POINTS} point worse, clinic setting): back to ${c.from} dose(s) a day`,
      );
      return;
    } else {
      this.log(
        `${entry.date}: ${this.doseCount} dose(s) a day work as well (pain ${trialMean.toFixed(1)} against ${c.reference.toFixed(1)}; 004: fewer doses if tolerated and as effective)`,
      );
    }
    this.tryFewerDoses(c.reference);
  }

  private tryFewerDoses(reference: number): void {
    const fewer = this.doseCount - 1;
    if (fewer < 1 || !this.fitsLimits(this.medUg!, fewer)) {
      this.maintain(
        `${this.lastDate}: maintenance at the MED ${formatDose(this.medUg!, this.unit)} in ${this.doseCount} dose(s) a day`,
      );
      return;
    }
    this.consolidation = { from: this.doseCount, days: 0, painSum: 0, reference };
    this.doseCount = fewer;
    this.note = `${this.lastDate}: trying the MED in ${fewer} dose(s) a day (004: three, two, then once a day if tolerated and as effective)`;
  }

  private maintain(reason: string): void {
    this.state = "maintenance";
    this.consolidation = null;
    this.log(reason);
    this.note = "";
  }

  /** A dose other than the MED taken in med or maintenance (a clinician's trial): judge it. */
  private judgeExcursion(med: number): void {
    const level = this.currentUg;
    const days = this.rules.kind === "ascending" ? this.rules.daysPerLevel : 2;
    if (this.stats.count(level) < days || this.path.includes(level)) return;
    this.path.push(level);
    const trial = this.stats.summary(level)!;
    const atMed = this.stats.summary(med);
    if (atMed && trial.meanPain >= atMed.meanPain) {
      this.targetUg = med;
      this.log(
        `${this.lastDate}: ${formatDose(level, this.unit)} (pain ${trial.meanPain.toFixed(1)}) is no better than the MED ${formatDose(med, this.unit)} (pain ${atMed.meanPain.toFixed(1)}): back to the MED`,
      );
      const verdict = this.detector.hormesis(this.stats, [med, level], med, this.baseline());
      if (verdict.yes) {
        this.hormesis = true;
        this.log(`${this.lastDate}: ${verdict.reason}`);
      }
      return;
    }
    this.note = `${this.lastDate}: ${formatDose(level, this.unit)} (pain ${trial.meanPain.toFixed(1)}) is better than the MED; a clinician may set it as the MED`;
  }

  // ---- side effects -----------------------------------------------------------------------

  private sideEffects(entry: DiaryDay): void {
    const effects = entry.sideEffects;
    if (this.state === "paused" && this.pauseCause === "gi") this.giSettling(entry);
    if (effects.includes("agitation") && this.state !== "paused") {
      this.pause(
        "agitation",
        `${entry.date}: agitation at ${formatDose(this.currentUg, this.unit)}: held for a clinician's review (004)`,
      );
    }
    const gi = effects.some((e) => GI_EFFECTS.includes(e));
    if (gi && (this.state === "titrating" || this.state === "window") && this.rules.kind !== "fixed") {
      this.pause(
        "gi",
        `${entry.date}: GI upset at ${formatDose(this.currentUg, this.unit)}: take LDN with food and stay on this dose until it settles (004)`,
      );
    }
    if (effects.some((e) => SLEEP_EFFECTS.includes(e))) this.sleepProblem(entry.date);
    if (effects.includes("drowsiness")) this.drowsiness(entry.date);
    if (this.rules.kind === "fixed") this.tolerability(entry, this.rules);
  }

  private giSettling(entry: DiaryDay): void {
    const gi = entry.sideEffects.some((e) => GI_EFFECTS.includes(e));
    this.giClearDays = gi ? 0 : this.giClearDays + 1;
    if (this.giClearDays < GI_SETTLED_DAYS) {
      this.note = `${entry.date}: held at ${formatDose(this.currentUg, this.unit)} for GI upset; ${this.giClearDays} of ${GI_SETTLED_DAYS} clear days (clinic setting)`;
      return;
    }
    this.state = this.resumeTo;
    this.pauseCause = null;
    this.log(`${entry.date}: GI upset settled for ${GI_SETTLED_DAYS} days: titration resumes (004)`);
  }

  private pause(cause: PauseCause, reason: string): void {
    if (this.state !== "paused") this.resumeTo = this.state;
    this.state = "paused";
    this.pauseCause = cause;
    this.giClearDays = 0;
    this.targetUg = this.currentUg || this.targetUg;
    this.log(reason);
    this.note = "";
  }

  private sleepProblem(date: IsoDate): void {
    if (this.sleepStep === 3) {
      // Logged once (a note would be overwritten by the day's progress): there is no step left.
      if (this.day - this.sleepChangedDay >= SLEEP_PERSIST_DAYS && !this.sleepReviewAsked) {
        this.sleepReviewAsked = true;
        this.log(`${date}: sleep problems persist with all doses in the morning: for a clinician's review`);
      }
      return;
    }
    if (this.sleepStep > 0 && this.day - this.sleepChangedDay < SLEEP_PERSIST_DAYS) return;
    this.sleepStep = (this.sleepStep + 1) as SleepStep;
    this.sleepChangedDay = this.day;
    this.log(`${date}: sleep problems: ${SLEEP_STEP_TEXT[this.sleepStep]}`);
  }

  private drowsiness(date: IsoDate): void {
    if (
      (this.state === "med" || this.state === "maintenance") &&
      this.medUg !== null &&
      this.currentUg > this.medUg
    ) {
      this.targetUg = this.medUg!;
      this.log(
        `${date}: drowsiness at ${formatDose(this.currentUg, this.unit)}, above the MED: back to ${formatDose(this.medUg!, this.unit)} (004)`,
      );
      return;
    }
    const path = this.windowPath();
    if (this.state === "window" && path.length > 0) {
      const best = this.detector.best(this.stats, path, this.searchContext());
      if (this.currentUg > best.medUg) {
        this.setMed(
          best.medUg,
          `drowsiness at ${formatDose(this.currentUg, this.unit)}, above the best level: return to it (004: drowsiness at 1.4 mg went away at the MED of 1.3 mg); ${best.reason}`,
          date,
        );
        return;
      }
    }
    this.note = `${date}: drowsiness at ${formatDose(this.currentUg, this.unit)} noted (004 gives a rule only above the MED)`;
  }

  private tolerability(entry: DiaryDay, rules: Extract<ProtocolRules, { kind: "fixed" }>): void {
    const now = entry.sideEffects.some((e) => e !== "other");
    const run = this.sideEffectRun;
    const days = !now ? 0 : run.ug === this.currentUg ? run.days + 1 : 1;
    this.sideEffectRun = { ug: this.currentUg, days };
    if (days < 2 || this.state !== "titrating") return;
    // Counted afresh at the lower dose: the day before a reduction is not a day at the new one.
    this.sideEffectRun = { ug: this.currentUg, days: 0 };
    const lower = this.currentUg - rules.reductionUg;
    if (lower >= rules.floorUg) {
      this.targetUg = lower;
      this.log(
        `${entry.date}: side effects on 2 days in a row at ${formatDose(this.currentUg, this.unit)}: reduce to ${formatDose(lower, this.unit)} for tolerability (003: e.g. 4.5 to 3 mg)`,
      );
    } else if (this.state === "titrating") {
      this.pause(
        "clinician",
        `${entry.date}: side effects persist at the lowest dose of the plan, ${formatDose(this.currentUg, this.unit)}: for a clinician's review`,
      );
    }
  }

  // ---- doses -----------------------------------------------------------------------------

  private stop(reason: string, date: IsoDate): void {
    if (this.state !== "stopped") this.resumeTo = this.state === "paused" ? this.resumeTo : this.state;
    this.state = "stopped";
    this.decidedOn ??= date;
    this.log(reason);
    this.note = "";
  }

  /** Tomorrow's total: the target, reached by at most the protocol's step when rising. */
  private nextTotal(): number {
    const step = this.plan.protocol.limits.maxStepUg;
    if (this.currentUg > 0 && this.targetUg > this.currentUg + step) {
      // A step limit of 0 means the dose is never raised (fixed protocols): hold.
      return step === 0 ? this.currentUg : this.currentUg + step;
    }
    return this.targetUg;
  }

  private climbNote(target: number): string {
    const step = this.plan.protocol.limits.maxStepUg;
    return this.currentUg > 0 && target > this.currentUg + step
      ? `, reached by steps of at most ${formatDose(step, this.unit)} a day (${this.plan.protocol.limits.why.maxStepUg})`
      : "";
  }

  private dosesFor(totalUg: number, count: number): ScheduledDose[] {
    return splitDoses(
      totalUg,
      sleepTimes(this.plan.settings.times, count, this.sleepStep),
      this.granularityUg,
    );
  }

  private fitsLimits(totalUg: number, count: number): boolean {
    const doses = this.dosesFor(totalUg, count);
    return limitViolations(this.plan.protocol, { totalUg, doses }).length === 0;
  }

  /** The day's doses in the fewest doses at or above the current count that meet every limit. */
  private safeDoses(totalUg: number): ScheduledDose[] {
    const previous = this.currentUg > 0 ? this.currentUg : undefined;
    for (let count = this.doseCount; count <= this.plan.protocol.limits.maxDosesPerDay; count++) {
      const doses = this.dosesFor(totalUg, count);
      if (limitViolations(this.plan.protocol, { totalUg, doses }, previous).length === 0) return doses;
    }
    throw new DomainError(
      "limit_exceeded",
      `${formatDose(totalUg, this.unit)} a day cannot be given within ${this.plan.protocol.id}'s limits`,
      { field: "next", value: totalUg },
    );
  }

  private checkUnits(totalUg: number, field: string): void {
    if (totalUg % this.granularityUg !== 0) {
      throw new DomainError(
        "invalid_dose",
        `${field}: ${formatDose(totalUg, this.unit)} is not a whole number of ${formatDose(this.granularityUg, this.unit)} units for ${this.plan.protocol.id}`,
        { field, value: totalUg },
      );
    }
  }

  /** The baseline days, or the first level's days standing in for them when none were recorded. */
  private baseline(): Baseline {
    if (this.baselineDays) return this.baselineDays;
    const first = this.stats.visited()[0];
    const level = first === undefined ? undefined : this.stats.summary(first);
    if (!level) return { mean: 10, days: 0, ss: 0, pains: [], wellbeing: [] };
    const ss = this.stats.withinLevelScatter([level.ug]).ss;
    return { mean: level.meanPain, days: level.n, ss, pains: [], wellbeing: [] };
  }

  private adoptFirstLevelAsBaseline(date: IsoDate): void {
    if (this.noBaselineNoted) return;
    this.noBaselineNoted = true;
    this.log(
      `${date}: no baseline pain before the first dose; the first dose level's pain is the reference (record a few baseline days before starting)`,
    );
  }

  private log(reason: string): void {
    this.events.push(reason);
  }
}
