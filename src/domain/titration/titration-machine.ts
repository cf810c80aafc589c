/**
 * The titration state machine. It reads one calendar day at a time (the diary entry, if
 * any, then the clinician's decisions of that day) and keeps what the next day's doses
 * should be. It holds no clock and no randomness: the same plan and days always give the
 * same result, so `assessTitration` replays it for any `asOf` and `ldn simulate` drives it
 * day by day.
 *
 * This class only dispatches; the rules live in `machine/`: the protocol's kind
 * (`ascending.ts`, `fixed.ts`, `fixed-then-adjust.ts`; ULDN is continued as it is), the MED
 * and after (`med.ts`), side effects (`side-effects.ts`), doses taken against doses due
 * (`dose-checks.ts`), tomorrow's doses (`next-doses.ts`) and decisions (`decide.ts`).
 */
import { addDays, nextDay, type IsoDate } from "../calendar-date.ts";
import type { DiaryDay } from "../diary/diary-day.ts";
import { protocolKey } from "../protocols/catalogue.ts";
import type { Alert } from "./alerts.ts";
import type { ClinicianDecision } from "./decisions.ts";
import { ascend } from "./machine/ascending.ts";
import { applyDecision } from "./machine/decide.ts";
import { checkDoses, countUndosed } from "./machine/dose-checks.ts";
import { holdFixed } from "./machine/fixed.ts";
import { adjust } from "./machine/fixed-then-adjust.ts";
import { reasonText } from "./machine/journal.ts";
import { atMed } from "./machine/med.ts";
import { nextDoses, nextTotal } from "./machine/next-doses.ts";
import { sideEffects } from "./machine/side-effects.ts";
import { createTitration, lastDate, show, type Titration, type TitrationPlan } from "./machine/titration.ts";
import { daySignals } from "./signals.ts";
import { ALERT_RECENT_DAYS, DIARY_SILENT_DAYS } from "./thresholds.ts";
import type { Assessment, NextDoses, TitrationState } from "./titration-state.ts";

export type { TitrationPlan } from "./machine/titration.ts";

export class TitrationMachine {
  private readonly t: Titration;

  constructor(plan: TitrationPlan) {
    this.t = createTitration(plan);
    const t = this.t;
    const start = show(t, t.s.targetUg);
    const before = addDays(plan.start, -1);
    if (t.rules.kind === "continuous") {
      const why =
        plan.protocol.id === "uldn-with-opioids"
          ? "000: OIH recurs if stopped"
          : "002: kept around 1 mg or less, so as not to block the opioid";
      t.journal.note(
        "start",
        before,
        `ULDN ${start} a day, continued for as long as opioids continue (${why})`,
      );
    } else {
      t.journal.note("start", before, `start at ${start} a day (${plan.protocol.rule})`);
    }
  }

  /** The date of the last day read (the day before the start before any). */
  get lastDate(): IsoDate {
    return lastDate(this.t);
  }

  /** The state now (for callers driving the machine day by day). */
  get currentState(): TitrationState {
    return this.t.s.state;
  }

  /**
   * Reads the next calendar day: its diary entry when there is one. A day without an entry
   * changes nothing but the count of silent days (nothing is invented for it).
   *
   * @example machine.readDay({ date: "2027-01-04", doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] })
   */
  readDay(entry: DiaryDay | undefined): void {
    const t = this.t;
    const s = t.s;
    const due = s.state === "stopped" ? 0 : nextTotal(t);
    s.day += 1;
    s.date = nextDay(s.date);
    if (!entry) {
      s.silentDays += 1;
      return;
    }
    s.silentDays = 0;
    if (s.state === "stopped") return;
    const verdict = checkDoses(t, entry, due);
    countUndosed(t, entry, verdict);
    if (verdict.kind === "counts") this.count(entry, verdict.ug);
    sideEffects(t, entry);
    if (verdict.kind === "counts" && s.state !== "paused") this.progress(entry);
  }

  /**
   * Applies a clinician's decision; it shapes the doses from the next day on.
   *
   * @example machine.decide({ date: "2027-02-01", kind: "stop", note: "patient's wish" })
   */
  decide(decision: ClinicianDecision): void {
    applyDecision(this.t, decision, () => this.progress(undefined));
  }

  /**
   * The doses for the day after the last day read, always within the protocol's limits.
   *
   * @example machine.next() // { date: "2027-01-05", totalUg: 100, doses: [{ time: "08:00", ug: 100 }] }
   */
  next(): NextDoses {
    return nextDoses(this.t);
  }

  /** Where the patient stands after the last day read, with every reason and alert. */
  assessment(): Assessment {
    const t = this.t;
    const s = t.s;
    const reasons = t.journal.reasons();
    return {
      asOf: this.lastDate,
      protocolKey: protocolKey(t.plan.protocol),
      detector: t.detector.name,
      state: s.state,
      medUg: s.medUg,
      windowUg: s.window?.ug ?? null,
      currentUg: s.currentUg,
      next: this.next(),
      hormesis: s.hormesis,
      reasons: reasons.map(reasonText),
      reasonData: reasons,
      decidedOn: s.decidedOn,
      levels: t.stats.summaries(t.stats.visited()),
      alerts: this.alerts(),
    };
  }

  /** A day that counts at the intended level `ug`. */
  private count(entry: DiaryDay, ug: number): void {
    const t = this.t;
    const s = t.s;
    if (ug !== s.currentUg) {
      s.currentUg = ug;
      s.daysAtLevel = 0;
      s.levelDone = false;
    }
    s.daysAtLevel += 1;
    t.stats.add(ug, entry.pain, daySignals(entry).wellbeing);
    if (!t.baselineDays && !s.noBaselineNoted) {
      s.noBaselineNoted = true;
      t.journal.event(
        "baseline",
        entry.date,
        "no baseline pain before the first dose; the first dose level's pain is the reference (record a few baseline days before starting)",
      );
    }
  }

  /** Moves on by the protocol's kind; `entry` is the day just read (none after a resume). */
  private progress(entry: DiaryDay | undefined): void {
    const t = this.t;
    const s = t.s;
    if (t.rules.kind === "continuous" || s.currentUg === 0) return;
    if (s.state === "med" || s.state === "maintenance") {
      if (entry) atMed(t, entry);
      return;
    }
    if (t.rules.kind === "ascending") ascend(t, t.rules);
    else if (t.rules.kind === "fixed") holdFixed(t, t.rules);
    else adjust(t, t.rules);
  }

  private alerts(): Alert[] {
    const t = this.t;
    const s = t.s;
    const date = this.lastDate;
    const alerts = t.journal.alertsSince(addDays(date, 1 - ALERT_RECENT_DAYS));
    if (s.state === "stopped") return alerts;
    if (s.silentDays >= DIARY_SILENT_DAYS && s.day > s.silentDays) {
      alerts.push({
        code: "diary-silent",
        date,
        message: `no diary entry for ${s.silentDays} days (clinic setting: ${DIARY_SILENT_DAYS}); the engine cannot judge doses it does not hear about`,
        patientMessage:
          "We have not heard from you for a few days. Please fill in today's check-in, even if nothing changed.",
      });
    }
    const opioids = t.plan.opioids;
    if (opioids && opioids.names.length > 0 && !t.plan.protocol.withOpioids) {
      const names = opioids.names.join(", ");
      alerts.push({
        code: "titrating-on-opioids",
        date,
        message:
          `${names} (${opioids.mmePerDay} MME a day) recorded at screening: naltrexone can knock opioids off their receptors, ` +
          "inducing withdrawal and worsening pain (002); ask about withdrawal at each contact",
        patientMessage: `You also take ${names}. If you feel unwell after a dose of LDN, as in opioid withdrawal, note it in your diary and call the clinic before your next dose.`,
      });
    }
    return alerts;
  }
}
