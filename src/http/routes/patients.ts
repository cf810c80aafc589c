/** Patients: the dashboard list, enrolment with screening, one patient's record, invitations. */
import { z } from "zod/v4";
import { SORT_KEYS } from "../../app/use-cases/dashboard-lines.ts";
import { keepDashboardLines } from "../../app/use-cases/keep-dashboard-lines.ts";
import { listPatientSummaries } from "../../app/use-cases/list-patient-summaries.ts";
import type { PatientSummary } from "../../app/use-cases/summarise-patient.ts";
import { enrolPatient, storedScreening } from "../../app/use-cases/enrol-patient.ts";
import { rescreenPatient } from "../../app/use-cases/rescreen-patient.ts";
import type { Patient } from "../../app/ports/patient-repository.ts";
import { formatDose } from "../../domain/dose.ts";
import { invitePatient } from "../../app/use-cases/invite-patient.ts";
import { alertDto } from "../api/alerts.ts";
import { IsoDateSchema, PatientParams } from "../api/common.ts";
import {
  ATTENTION_FILTERS,
  PatientDetailSchema,
  PatientPageSchema,
  PatientSummarySchema,
  ScreeningAnswersSchema,
  TITRATION_STATES,
} from "../api/patients.ts";
import { actorOf } from "../principal.ts";
import { defineRoute } from "../route.ts";
import { dayShown } from "../today.ts";

/** The dashboard's page when it does not say (web/src/pages/dashboard.tsx asks for this). */
const DEFAULT_PAGE_SIZE = 50;
/** No page is larger: a browser never receives more than a screen can usefully show. */
const MAX_PAGE_SIZE = 200;

/** One patient's dashboard line; a pharmacist's without the clinical detail. */
function summaryDto(s: PatientSummary, clinical: boolean) {
  const shown = clinical
    ? s
    : {
        ...s,
        medUg: null,
        lastCheckIn: null,
        daysSinceCheckIn: null,
        alerts: [],
        attention: s.attention.filter((a) => a.code === "no-plan"),
        acknowledged: [],
      };
  return {
    ...shown,
    alerts: shown.alerts.map(alertDto),
    today: shown.todayUg === null ? null : formatDose(shown.todayUg),
  };
}

const detail = (p: Patient) => ({
  id: p.id,
  displayName: p.displayName,
  enrolledAt: p.createdAt,
  joined: p.loginCode !== null,
  screening: storedScreening(p) as unknown as z.infer<typeof PatientDetailSchema>["screening"],
});

export const patientRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients",
    summary: "The clinic's patients at a glance: state, today's dose, last check-in, what needs attention",
    tag: "patients",
    access: { kind: "clinic", roles: ["clinician", "pharmacist"] },
    action: "patient.summary",
    query: z.object({
      today: IsoDateSchema.optional(),
      // Paging, search, filters and sort: given any, the answer is one page (`{ patients, total, counts, ... }`).
      page: z.coerce.number().int().min(1).max(100_000).optional(),
      pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
      q: z.string().trim().max(200).optional(),
      state: z.enum([...TITRATION_STATES, "none"]).optional(),
      attention: z.enum(ATTENTION_FILTERS).optional(),
      sort: z.enum(SORT_KEYS).optional(),
    }),
    response: z.union([z.array(PatientSummarySchema), PatientPageSchema]),
    // Stale lines are made first in small transactions of their own (keep-dashboard-lines.ts):
    // the first read of the day must not hold the write lock for the whole clinic's replay.
    ownTransactions: true,
    handler: async ({ principal, query, services }) => {
      // Pharmacists dispense what the engine gives each patient today, so their list is made
      // from the same lines (the same todayUg and state as the clinician's), but shows none of
      // the clinical detail: no check-ins, alerts or what needs attention.
      const clinical = principal!.kind === "staff" && principal!.role === "clinician";
      const { page: pageNo, pageSize, today, ...filters } = query;
      const paged = Object.values({ pageNo, pageSize, ...filters }).some((x) => x !== undefined);
      const page = pageNo ?? 1;
      const size = pageSize ?? DEFAULT_PAGE_SIZE;
      const day = dayShown(today, services.clock, services.settings);
      await keepDashboardLines(services.store, principal!.clinicId, day);
      const list = await services.store.transaction(actorOf(principal!), (tx) =>
        listPatientSummaries(tx, principal!.clinicId, {
          today: day,
          clinical,
          ...filters,
          ...(paged ? { page: { offset: (page - 1) * size, limit: size } } : {}),
        }),
      );
      const patients = list.patients.map((s) => summaryDto(s, clinical));
      return paged ? { patients, total: list.total, page, pageSize: size, counts: list.counts } : patients;
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients",
    summary: "Enrol a patient with their screening (004 criteria, opioids and MME, OIH risk factors)",
    tag: "patients",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "patient.create",
    body: z.object({ displayName: z.string().trim().min(1).max(200), screening: ScreeningAnswersSchema }),
    response: PatientDetailSchema,
    successStatus: 201,
    handler: async ({ tx, principal, body }) =>
      detail(await enrolPatient(tx, principal!.clinicId, body.displayName, body.screening)),
  }),
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId",
    summary: "One patient's record and screening",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "patient.read",
    params: PatientParams,
    response: PatientDetailSchema,
    handler: async ({ tx, params }) => detail((await tx.patients.get(params.patientId))!),
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/screening",
    summary:
      "Screen a patient again (e.g. once the pregnancy status is known): the new screening replaces the old one",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "patient.screen",
    params: PatientParams,
    body: ScreeningAnswersSchema,
    response: PatientDetailSchema,
    handler: async ({ tx, params, body }) => detail(await rescreenPatient(tx, params.patientId, body)),
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/invitations",
    summary:
      "A single-use invitation link for the patient to join (shown once; only its hash is kept); 409 for a patient the screening found not eligible",
    tag: "patients",
    access: { kind: "patient", roles: ["clinician"], self: false },
    action: "invitation.create",
    params: PatientParams,
    body: z.object({}).optional(),
    response: z.object({ token: z.string(), path: z.string(), expiresAt: z.string() }),
    successStatus: 201,
    handler: async ({ tx, params, services }) =>
      invitePatient(tx, params.patientId, services.clock.now(), services.settings.invitationDays),
  }),
];
