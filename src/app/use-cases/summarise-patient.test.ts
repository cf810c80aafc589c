import { describe, expect, it } from "vitest";
import type { PatientRecords } from "../ports/clinic-records.ts";
import type { DiaryEntry } from "../ports/diary-repository.ts";
import { screenAnswers } from "./enrol-patient.ts";
import { summarisePatient } from "./summarise-patient.ts";

const START = "2027-01-04";
const answers = {
  ageYears: 40,
  painMonths: 24,
  pregnancy: "no",
  opioids: [] as string[],
  mustStayOnOpioids: false,
  riskFactors: [],
};

function records(
  diary: { date: string; ug: number; pain: number; sideEffects?: string[] }[],
  extra: Partial<PatientRecords> = {},
): PatientRecords {
  return {
    patient: {
      id: "p1",
      clinicId: "c1",
      displayName: "R. Jones",
      screening: { answers, result: { mme: null } },
      createdAt: "2027-01-01T09:00:00Z",
      loginCode: "K7QM-3XPA",
    },
    plans: [
      {
        id: "plan1",
        patientId: "p1",
        protocolId: "micro-titration",
        protocolVersion: 1,
        settings: {},
        startDate: START,
        detector: "literal",
        createdBy: "s1",
        createdAt: "",
        interactionAck: null,
      },
    ],
    diary: diary.map((d, i): DiaryEntry => ({
      id: `e${i}`,
      patientId: "p1",
      date: d.date,
      idempotencyKey: `k${i}`,
      recordedAt: "",
      version: 1,
      recordedBy: null,
      body: {
        date: d.date,
        doses: [{ time: "08:00", ug: d.ug }],
        pain: d.pain,
        sideEffects: d.sideEffects ?? [],
      },
    })),
    recommendations: [],
    decisions: [],
    questionnaires: [],
    ...extra,
  };
}

const days = (n: number, from = START) =>
  Array.from({ length: n }, (_, i) => {
    const date = new Date(`${from}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    return { date: date.toISOString().slice(0, 10), ug: 100 * (Math.floor(i / 2) + 1), pain: 6 };
  });

describe("a patient's dashboard line", () => {
  it("gives the state, today's dose and days since the last check-in", () => {
    const s = summarisePatient(records(days(4)), "2027-01-08");
    expect(s.state).toBe("titrating");
    expect(s.todayUg).toBe(300);
    expect(s.lastCheckIn).toBe("2027-01-07");
    expect(s.daysSinceCheckIn).toBe(1);
    expect(s.attention).toEqual([]);
  });

  it("counts a check-in stored far ahead (before dates were checked) as no check-in that has happened", () => {
    const s = summarisePatient(records([...days(3), { date: "9999-12-31", ug: 100, pain: 6 }]), "2027-01-08");
    expect(s.lastCheckIn).toBe("2027-01-06");
    expect(s.daysSinceCheckIn).toBe(2);
  });

  it("keeps an acknowledged flag off the work to do while it says nothing new, with who and when", () => {
    const diary = [...days(3), { date: "2027-01-07", ug: 200, pain: 6, sideEffects: ["insomnia"] }];
    const ack = (code: string, facts: string[]) => ({
      patientId: "p1",
      code,
      facts,
      by: "s1",
      byName: "Dr K. Lee",
      at: "2027-01-08T10:00:00.000Z",
    });
    const acked = records(diary, { acks: [ack("side-effect", ["2027-01-07: insomnia"])] });
    const s = summarisePatient(acked, "2027-01-08");
    expect(s.attention.map((a) => a.code)).not.toContain("side-effect");
    expect(s.acknowledged).toEqual([
      {
        code: "side-effect",
        message: "Side effects in the last 3 days: trouble sleeping",
        by: "s1",
        byName: "Dr K. Lee",
        at: "2027-01-08T10:00:00.000Z",
      },
    ]);
    // A new side effect is something new; an old one ageing out of the 3 days is not.
    const more = records([...diary, { date: "2027-01-08", ug: 200, pain: 6, sideEffects: ["headache"] }], {
      acks: acked.acks!,
    });
    expect(summarisePatient(more, "2027-01-08").attention.map((a) => a.code)).toContain("side-effect");
    const silent = records(days(3), {
      acks: [ack("missed-week", ["last check-in: 2027-01-06", "weeks: 1"])],
    });
    expect(summarisePatient(silent, "2027-01-13").attention).toEqual([]);
    // A week more of silence returns.
    expect(summarisePatient(silent, "2027-01-20").attention.map((a) => a.code)).toEqual(["missed-week"]);
  });

  it("flags a week without a check-in", () => {
    const s = summarisePatient(records(days(3)), "2027-01-13");
    expect(s.attention.map((a) => a.code)).toEqual(["missed-week"]);
    expect(s.attention[0]!.message).toBe("No check-in for 7 days");
    expect(summarisePatient(records(days(3)), "2027-01-12").attention).toEqual([]);
  });

  it("puts recent side effects before opioids and a missed week, and names them", () => {
    const diary = [
      ...days(3),
      { date: "2027-01-07", ug: 200, pain: 6, sideEffects: ["insomnia", "vivid-dreams"] },
    ];
    const r = records(diary, {});
    const onOpioids = {
      ...r,
      patient: {
        ...r.patient,
        screening: {
          answers: { ...answers, opioids: ["oxycodone 10mg x3"] },
          result: { mme: { totalMmePerDay: 45 } },
        },
      },
    };
    const s = summarisePatient(onOpioids, "2027-01-08");
    // The engine's alert on titrating with opioids comes first (see the next test).
    expect(s.attention.map((a) => a.code)).toEqual(["engine-alert", "side-effect", "opioid-interaction"]);
    expect(s.attention[1]!.message).toContain("trouble sleeping, vivid dreams");
    expect(s.attention[2]!.message).toContain("45 MME/day");
  });

  it("carries the engine's alerts from the opioids recorded at screening, first in what needs attention", () => {
    const screened = (opioids: string[]) => ({
      answers: { ...answers, pregnancy: "no" as const, opioids },
      result: screenAnswers({ ...answers, pregnancy: "no", opioids }),
    });
    const r = records(days(2));
    const onOxycodone = { ...r, patient: { ...r.patient, screening: screened(["oxycodone 20mg x2"]) } };
    const s = summarisePatient(onOxycodone, "2027-01-06");
    expect(s.alerts).toEqual([
      {
        code: "titrating-on-opioids",
        date: "2027-01-05",
        message: expect.stringContaining("oxycodone (60 MME a day)"),
        patientMessage: expect.stringContaining("You also take oxycodone."),
      },
    ]);
    expect(s.attention[0]).toMatchObject({
      code: "engine-alert",
      priority: 0,
      message: "Alert: titrating on opioids",
      acknowledgeable: true,
    });
    // ULDN is made for patients on opioids: the interaction is still flagged, with no alert.
    const onUldn = {
      ...onOxycodone,
      plans: [{ ...onOxycodone.plans[0]!, protocolId: "uldn-with-opioids" }],
      diary: [],
    };
    const uldn = summarisePatient(onUldn, "2027-01-05");
    expect(uldn.alerts).toEqual([]);
    expect(uldn.attention.map((a) => a.code)).toContain("opioid-interaction");
    expect(uldn.attention.map((a) => a.code)).not.toContain("engine-alert");
    // No opioids, no alerts.
    expect(summarisePatient(r, "2027-01-06").alerts).toEqual([]);
  });

  it("asks for the outcome questionnaire 4 weeks after the MED (004), until one is answered", () => {
    const decided = records(days(2), {
      recommendations: [
        {
          id: "r1",
          patientId: "p1",
          planId: "plan1",
          protocolKey: "micro-titration@2",
          asOf: "2027-01-05",
          state: "titrating",
          createdAt: "1",
          body: { settled: { state: "med", medUg: 100 } },
        },
      ],
      decisions: [
        {
          id: "d1",
          recommendationId: "r1",
          decidedBy: "s1",
          decision: "override",
          reason: "agreed",
          decidedAt: "1",
          engineDecision: { date: "2027-01-05", kind: "set-med", totalUg: 100 },
        },
      ],
    });
    const atDue = summarisePatient({ ...decided, diary: [...decided.diary] }, "2027-02-02");
    expect(atDue.state).toBe("med");
    expect(atDue.medUg).toBe(100);
    expect(atDue.attention.map((a) => a.code)).toEqual(["missed-week", "questionnaire-due"]);
    expect(summarisePatient(decided, "2027-02-01").attention.map((a) => a.code)).toEqual(["missed-week"]);
    const answered = {
      ...decided,
      questionnaires: [
        {
          id: "q",
          patientId: "p1",
          instrument: "bpi",
          instrumentVersion: 1,
          answeredOn: "2027-02-02",
          answers: {},
          scores: {},
          recordedAt: "",
        },
      ],
    };
    expect(summarisePatient(answered, "2027-02-03").attention.map((a) => a.code)).toEqual(["missed-week"]);
  });

  it("asks for a plan when there is none", () => {
    const s = summarisePatient({ ...records([]), plans: [] }, "2027-01-08");
    expect([s.state, s.todayUg]).toEqual([null, null]);
    expect(s.attention.map((a) => a.code)).toEqual(["no-plan"]);
  });
});
