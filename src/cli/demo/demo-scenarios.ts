/**
 * The demo clinic's patients, one scenario each: when they started, where the engine has taken
 * them by today (their hidden MED and relief), and what happened on the way (side effects, a
 * missed week, opioids, decisions, questionnaires). Read by fill-demo-clinic.ts.
 */
import type { ScreeningAnswers } from "../../app/use-cases/enrol-patient.ts";
import type { SettingOverrides } from "../../domain/protocols/settings.ts";
export const ELIGIBLE: ScreeningAnswers = {
  ageYears: 44,
  painMonths: 48,
  pregnancy: "no",
  opioids: [],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
};

/** What happens to one demo patient. */
export interface Scenario {
  readonly name: string;
  readonly startDaysAgo: number | null;
  /** Last check-in, days ago (0 = today). */
  readonly lastDaysAgo?: number;
  /** Hidden response: the pain relief (points) at a daily dose; hormetic above `medUg`. */
  readonly medUg?: number;
  readonly relief?: number;
  readonly screening?: Partial<ScreeningAnswers>;
  readonly interactionReason?: string;
  /** Side effects on these days of the plan (0 = first day). */
  readonly effects?: Readonly<Record<number, readonly string[]>>;
  /** Clinician decisions on these days of the plan. */
  readonly decisions?: Readonly<
    Record<
      number,
      | {
          readonly kind: string;
          readonly totalUg?: number;
          readonly doseCount?: number;
          readonly reason: string;
        }
      | "accept"
    >
  >;
  /** BPI before the plan and this many days after the start. */
  readonly bpi?: { readonly pre: number; readonly post?: { readonly day: number; readonly value: number } };
  readonly note?: string;
  /** The protocol (micro-titration when absent) and its settings. */
  readonly protocolId?: string;
  readonly settings?: SettingOverrides;
  /** PROMIS Global-10 and PF 4a the day before the plan (and after): every item at this level, 1-5. */
  readonly promis?: {
    readonly pre: number;
    readonly post?: { readonly day: number; readonly value: number };
  };
  /** Has joined: signs in with DEMO_PATIENT's login code and password. */
  readonly joined?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: "Alex Morgan", startDaysAgo: 9, joined: true },
  { name: "Sam Patel", startDaysAgo: 13, medUg: 2000, relief: 3 },
  { name: "Jo Williams", startDaysAgo: 5, effects: { 3: ["headache"] } },
  { name: "Riley Chen", startDaysAgo: 20, medUg: 700, relief: 3.5, decisions: { 14: "accept" } },
  {
    name: "Casey Brown",
    startDaysAgo: 24,
    medUg: 900,
    relief: 3,
    effects: { 21: ["insomnia"], 22: ["vivid-dreams"] },
  },
  {
    name: "Jordan Lee",
    startDaysAgo: 40,
    medUg: 700,
    relief: 4,
    decisions: {
      24: {
        kind: "set-med",
        totalUg: 700,
        reason: "MED agreed at review: 0.6 mg weaker, 1 mg worse than before LDN (as in 004's example)",
      },
    },
    bpi: { pre: 7, post: { day: 38, value: 3.5 } },
  },
  {
    name: "Taylor Green",
    startDaysAgo: 50,
    medUg: 1300,
    relief: 3,
    decisions: {
      30: {
        kind: "set-med",
        totalUg: 1300,
        reason: "drowsy at 1.4 mg, better back at 1.3 mg (004's example)",
      },
      40: { kind: "consolidate", doseCount: 2, reason: "doing well; two doses a day are easier to remember" },
    },
    bpi: { pre: 6.5, post: { day: 48, value: 4 } },
  },
  {
    name: "Morgan Davis",
    startDaysAgo: 60,
    medUg: 500,
    relief: 3,
    decisions: {
      20: { kind: "set-med", totalUg: 500, reason: "clear response at 0.5 mg, none extra at 0.6 and 0.7" },
    },
    bpi: { pre: 6, post: { day: 55, value: 3 } },
  },
  {
    name: "Jamie Wilson",
    startDaysAgo: 45,
    medUg: 1100,
    relief: 3,
    decisions: { 12: { kind: "set-med", totalUg: 1100, reason: "MED agreed with the patient" } },
    bpi: { pre: 7.5 },
  },
  { name: "Drew Thompson", startDaysAgo: 16, medUg: 3000, relief: 2, effects: { 15: ["agitation"] } },
  {
    name: "Quinn Harris",
    startDaysAgo: 18,
    effects: { 15: ["gi-upset"], 16: ["gi-upset", "abdominal-pain"], 17: ["gi-upset"] },
  },
  {
    name: "Avery Clark",
    startDaysAgo: 30,
    decisions: { 28: { kind: "stop", reason: "no improvement after a month; patient chose to stop" } },
  },
  {
    name: "Robin Lewis",
    startDaysAgo: 11,
    screening: { opioids: ["oxycodone 10mg x3"], riskFactors: ["potent-full-agonist", "centralized-pain"] },
    interactionReason: "tapering oxycodone with the pain team; patient informed of the interaction",
  },
  { name: "Charlie Walker", startDaysAgo: 25, lastDaysAgo: 9, medUg: 1500, relief: 2 },
  {
    name: "Sky Robinson",
    startDaysAgo: 22,
    medUg: 400,
    relief: 3,
    note: `I felt "better" today & slept <8h> - is that normal?`,
  },
  {
    name: "Noor Haddad",
    startDaysAgo: 35,
    protocolId: "uldn-with-opioids",
    screening: {
      opioids: ["morphine 30mg x2"],
      mustStayOnOpioids: true,
      riskFactors: ["long-term-high-dose-opioids", "centralized-pain"],
    },
    interactionReason: "ULDN chosen for opioid-induced hyperalgesia; morphine continues unchanged (000)",
    decisions: { 1: "accept" },
    promis: { pre: 2, post: { day: 30, value: 3 } },
  },
  {
    name: "Mei Tanaka",
    startDaysAgo: 58,
    medUg: 800,
    relief: 3.5,
    decisions: {
      26: { kind: "set-med", totalUg: 800, reason: "best at 0.8 mg; 0.9 and 1.0 mg no better" },
      36: "accept",
    },
    bpi: { pre: 6.5, post: { day: 56, value: 3.5 } },
    promis: { pre: 2, post: { day: 56, value: 4 } },
  },
  {
    name: "Ola Nowak",
    startDaysAgo: 27,
    medUg: 1000,
    relief: 3,
    promis: { pre: 3 },
    effects: { 24: ["dizziness"], 25: ["headache"] },
  },
  {
    name: "Priya Shah",
    startDaysAgo: 21,
    protocolId: "conventional-titration",
    medUg: 3000,
    relief: 3,
  },
  {
    name: "Omar Aziz",
    startDaysAgo: 19,
    medUg: 1200,
    relief: 2.5,
    lastDaysAgo: 2,
    decisions: { 15: { kind: "pause", reason: "travelling for two weeks; resume at the next visit" } },
  },
  { name: "Beth Okafor", startDaysAgo: 2, bpi: { pre: 6 }, promis: { pre: 3 } },
  {
    name: "Hana Kim",
    startDaysAgo: 33,
    protocolId: "ldn-once-daily",
    medUg: 4500,
    relief: 2,
    bpi: { pre: 7 },
  },
  {
    name: "Sasha Ivanova",
    startDaysAgo: 30,
    medUg: 900,
    relief: 3,
    effects: { 27: ["vivid-dreams"] },
    decisions: {
      28: {
        kind: "set-med",
        totalUg: 900,
        reason: "0.9 mg clearly best; dreams when the dose went above it",
      },
    },
  },
  { name: "Frankie Young", startDaysAgo: null },
];
