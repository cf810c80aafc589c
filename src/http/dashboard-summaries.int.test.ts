/**
 * The dashboard from kept lines (issue 14, item 6; migration 0012): `GET /api/patients` pages,
 * filters, sorts and counts from one kept line per patient, the same answers as replaying the
 * engine for every patient; a line is made again only when its patient was written to (the
 * database's triggers bump the patient's revision) or the day changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import type { Repositories } from "../app/ports/store.ts";
import { keepDashboardLines } from "../app/use-cases/keep-dashboard-lines.ts";
import { listPatientSummaries } from "../app/use-cases/list-patient-summaries.ts";
import { summarisePatient, type PatientSummary } from "../app/use-cases/summarise-patient.ts";
import { DEMO_ACCOUNTS, fillDemoClinic } from "../cli/demo/fill-demo-clinic.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import type { PatientPageDto, PatientSummaryDto } from "./api/patients.ts";
import { startDashboardLineKeeper } from "./dashboard-line-keeper.ts";
import { startTestServer, type TestClient, type TestServer } from "./testing/test-server.ts";

const NOW = new Date(2027, 2, 1, 9, 0);
const TODAY = "2027-03-01";
const STATES = ["titrating", "window", "med", "paused", "stopped", "maintenance", "none"];
const FLAGS = [
  "any",
  "none",
  "engine-alert",
  "recommendation",
  "side-effect",
  "opioid-interaction",
  "missed-week",
  "questionnaire-due",
  "no-plan",
];

for (const dialect of DIALECTS) {
  describe(`the dashboard from kept lines on ${dialect}`, { timeout: 120_000 }, () => {
    let server: TestServer;
    let clinician: TestClient;
    let pharmacist: TestClient;
    let clinicId: string;
    /** Every patient's line replayed from their records, as the dashboard made it before 0012. */
    let replayed: PatientSummary[];

    const signIn = async (role: string) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      const client = server.client();
      expect((await client.login(account.email, account.password)).status).toBe(200);
      return client;
    };
    const page = async (client: TestClient, query: string) => {
      const res = await client.get<PatientPageDto>(`/api/patients?today=${TODAY}&${query}`);
      expect(res.status, query).toBe(200);
      return res.body;
    };
    const revisions = async () =>
      new Map(
        (await server.database.db.selectFrom("patients").select(["id", "revision"]).execute()).map((r) => [
          r.id,
          Number(r.revision),
        ]),
      );
    /** The use case with a count of the patients whose records were read to make lines again. */
    const remade = async (today: string) => {
      let count = 0;
      await server.store.transaction({ kind: "staff", id: "test" }, (tx) => {
        const counted: Repositories = {
          ...tx,
          records: {
            ...tx.records,
            recordsToSummarise: (clinic, ids) => {
              count += ids.length;
              return tx.records.recordsToSummarise(clinic, ids);
            },
          },
        };
        return listPatientSummaries(counted, clinicId, { today, clinical: true });
      });
      return count;
    };

    beforeAll(async () => {
      server = await startTestServer(dialect, { clock: { now: () => NOW } });
      await fillDemoClinic(server.store, NOW);
      clinicId = (await server.store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list()))[0]!.id;
      const records = await server.store.transaction(SYSTEM_ACTOR, (tx) => tx.records.forClinic(clinicId));
      replayed = records.map((r) => summarisePatient(r, TODAY));
      clinician = await signIn("clinician");
      pharmacist = await signIn("pharmacist");
    }, 120_000);
    afterAll(() => server.close());

    it("answers every line as the engine's replay does, with patients in every state", async () => {
      expect(new Set(replayed.map((s) => s.state ?? "none"))).toEqual(new Set(STATES));
      const all = (await clinician.get<PatientSummaryDto[]>(`/api/patients?today=${TODAY}`)).body;
      // Twice: made and kept the first time, read back from the database the second.
      const again = (await clinician.get<PatientSummaryDto[]>(`/api/patients?today=${TODAY}`)).body;
      expect(again).toEqual(all);
      expect(all.map((p) => p.id)).toEqual(replayed.map((s) => s.id));
      for (const [i, p] of all.entries()) {
        const s = replayed[i]!;
        expect(p).toMatchObject({
          state: s.state,
          todayUg: s.todayUg,
          medUg: s.medUg,
          lastCheckIn: s.lastCheckIn,
          daysSinceCheckIn: s.daysSinceCheckIn,
          attention: JSON.parse(JSON.stringify(s.attention)),
          acknowledged: JSON.parse(JSON.stringify(s.acknowledged)),
        });
        expect(p.alerts.map((a) => a.message)).toEqual(s.alerts.map((a) => a.message));
      }
    });

    it("filters by each state and each flag, and counts, as the replay does", async () => {
      const stateOf = (s: PatientSummary) => s.state ?? "none";
      const flagged = (s: PatientSummary, flag: string) =>
        flag === "any"
          ? s.attention.length > 0
          : flag === "none"
            ? s.attention.length === 0
            : s.attention.some((a) => a.code === flag);
      const first = await page(clinician, "pageSize=200");
      for (const state of STATES) {
        const want = replayed.filter((s) => stateOf(s) === state).map((s) => s.id);
        const got = await page(clinician, `state=${state}&pageSize=200`);
        expect(
          got.patients.map((p) => p.id),
          state,
        ).toEqual(want);
        expect(got.total).toBe(want.length);
        expect(first.counts.states[state] ?? 0, state).toBe(want.length);
      }
      for (const flag of FLAGS) {
        const want = replayed.filter((s) => flagged(s, flag)).map((s) => s.id);
        const got = await page(clinician, `attention=${flag}&pageSize=200`);
        expect(
          got.patients.map((p) => p.id),
          flag,
        ).toEqual(want);
        if (flag !== "none") expect(first.counts.attention[flag] ?? 0, flag).toBe(want.length);
      }
      expect(replayed.filter((s) => flagged(s, "recommendation")).length).toBeGreaterThan(0);
    });

    it("sorts, pages and searches on the server", async () => {
      const rank = (s: PatientSummary) => s.attention[0]?.priority ?? 99;
      const byAttention = [...replayed]
        .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
        .map((s) => s.id);
      const pages = [await page(clinician, "sort=attention&pageSize=7&page=1")];
      while (pages.length * 7 < pages[0]!.total)
        pages.push(await page(clinician, `sort=attention&pageSize=7&page=${pages.length + 1}`));
      expect(pages.flatMap((p) => p.patients.map((x) => x.id))).toEqual(byAttention);
      const byDose = (await page(clinician, "sort=dose&pageSize=200")).patients.map((p) => p.todayUg ?? -1);
      expect(byDose).toEqual([...byDose].sort((a, b) => b - a));
      const name = replayed[3]!.displayName;
      const found = await page(clinician, `q=${encodeURIComponent(name.slice(1, 5).toUpperCase())}`);
      expect(found.patients.map((p) => p.displayName)).toContain(name);
    });

    it("shows a pharmacist the same states and doses, no clinical flags, and counts only missing plans", async () => {
      const theirs = await page(pharmacist, "state=titrating&pageSize=200");
      const titrating = replayed.filter((s) => s.state === "titrating");
      expect(theirs.patients.map((p) => [p.id, p.todayUg])).toEqual(titrating.map((s) => [s.id, s.todayUg]));
      expect(theirs.patients.every((p) => p.lastCheckIn === null && p.alerts.length === 0)).toBe(true);
      const noPlan = replayed.filter((s) => s.attention.some((a) => a.code === "no-plan")).length;
      expect(theirs.counts.attention).toEqual({ any: noPlan, "no-plan": noPlan });
      expect((await page(pharmacist, "attention=any")).total).toBe(noPlan);
    });

    it("makes a line again only for a patient written to, or on another day", async () => {
      await remade(TODAY);
      expect(await remade(TODAY)).toBe(0);
      const patientId = replayed.find((s) => s.state === "titrating")!.id;
      await server.store.transaction({ kind: "patient", id: patientId }, (tx) =>
        tx.diary.record({
          patientId,
          date: TODAY,
          idempotencyKey: "kept-lines-0001",
          body: { date: TODAY, doses: [], pain: 3, sideEffects: ["insomnia"] },
        }),
      );
      expect(await remade(TODAY)).toBe(1);
      const line = (await page(clinician, "attention=side-effect&pageSize=200")).patients.find(
        (p) => p.id === patientId,
      );
      expect(line).toMatchObject({ lastCheckIn: TODAY, daysSinceCheckIn: 0 });
      expect(await remade("2027-03-02")).toBe(replayed.length);
    });

    it("has every line made for a new day by the keeper, in batches, once, before the first read", async () => {
      const day = "2027-03-03";
      // Two at once (the keeper's pass and a clinician's first read): the second waits for the
      // first, and every line is made once.
      const both = await Promise.all([
        keepDashboardLines(server.store, clinicId, day, 7),
        keepDashboardLines(server.store, clinicId, day, 7),
      ]);
      expect(both).toEqual([replayed.length, 0]);
      expect(await keepDashboardLines(server.store, clinicId, day, 7)).toBe(0);
      // The server's keeper: its first pass runs at once, and the next day's read finds it done.
      const clock = { now: () => new Date(2027, 2, 4, 0, 5) };
      let keeper: ReturnType<typeof startDashboardLineKeeper> | undefined;
      const made = await new Promise<number>((passed) => {
        keeper = startDashboardLineKeeper({ store: server.store, clock }, { passed });
      });
      await keeper!.stop();
      expect(made).toBe(replayed.length);
      expect(await remade("2027-03-04")).toBe(0);
    });

    it("bumps a patient's revision on every write the dashboard line is made of", async () => {
      const { db } = server.database;
      const someone = replayed.find((s) => s.acknowledged.length > 0)!.id;
      const decided = await db
        .selectFrom("decisions")
        .innerJoin("recommendations", "recommendations.id", "decisions.recommendation_id")
        .select(["decisions.id", "recommendations.patient_id"])
        .executeTakeFirstOrThrow();
      const ack = await db
        .selectFrom("attention_acks")
        .selectAll()
        .where("patient_id", "=", someone)
        .executeTakeFirstOrThrow();
      const of = async (table: "diary_entries" | "plans" | "questionnaire_responses" | "recommendations") =>
        (await db.selectFrom(table).select("patient_id").executeTakeFirstOrThrow()).patient_id;
      const [diary, plan, questionnaire] = [
        await of("diary_entries"),
        await of("plans"),
        await of("questionnaire_responses"),
      ];
      const writes: [string, string, () => Promise<unknown>][] = [
        [
          "a diary correction",
          diary,
          () => db.updateTable("diary_entries").set({ body: "{}" }).where("patient_id", "=", diary).execute(),
        ],
        [
          "a plan",
          plan,
          () => db.updateTable("plans").set({ ended_at: null }).where("patient_id", "=", plan).execute(),
        ],
        [
          "a recommendation",
          decided.patient_id,
          () =>
            db
              .updateTable("recommendations")
              .set({ state: "med" })
              .where("patient_id", "=", decided.patient_id)
              .execute(),
        ],
        [
          "a decision",
          decided.patient_id,
          () => db.updateTable("decisions").set({ reason: "why" }).where("id", "=", decided.id).execute(),
        ],
        [
          "a questionnaire",
          questionnaire,
          () =>
            db
              .updateTable("questionnaire_responses")
              .set({ scores: "{}" })
              .where("patient_id", "=", questionnaire)
              .execute(),
        ],
        [
          "the patient's name",
          someone,
          () =>
            db.updateTable("patients").set({ display_name: "Renamed" }).where("id", "=", someone).execute(),
        ],
        [
          "the acknowledging clinician's name",
          someone,
          () =>
            db
              .updateTable("staff")
              .set({ display_name: "Dr Renamed" })
              .where("id", "=", ack.acknowledged_by)
              .execute(),
        ],
        [
          "an acknowledgement withdrawn",
          someone,
          () => db.deleteFrom("attention_acks").where("id", "=", ack.id).execute(),
        ],
      ];
      for (const [what, patientId, write] of writes) {
        const before = (await revisions()).get(patientId)!;
        await write();
        expect((await revisions()).get(patientId), what).toBeGreaterThan(before);
      }
      const others = await revisions();
      await db.updateTable("patients").set({ password_hash: null }).where("id", "=", someone).execute();
      expect((await revisions()).get(someone), "a password is not on the dashboard").toBe(
        others.get(someone),
      );
    });
  });
}
