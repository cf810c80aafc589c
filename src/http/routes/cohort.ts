/** The clinic's cohort analysis (004's tables and tests on the clinic's own patients), filtered, and its CSV. */
import { z } from "zod/v4";
import {
  clinicCohort,
  clinicCohortRows,
  matchesCohortFilter,
  type ClinicCohortRow,
} from "../../app/use-cases/clinic-cohort.ts";
import { cohortCsv } from "../../app/use-cases/export-cohort-csv.ts";
import { analyzeCohort } from "../../domain/cohort/analyze-cohort.ts";
import { summariseCourses } from "../../domain/cohort/course-summary.ts";
import { PROTOCOLS } from "../../domain/protocols/catalogue.ts";
import { CohortSchema } from "../api/cohort.ts";
import { defineRoute } from "../route.ts";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** The page's filters: `protocol` one of the catalogue's ids, `from` and `to` the plan's first day. */
const CohortQuery = z
  .object({
    protocol: z.enum(PROTOCOLS.map((p) => p.id) as [string, ...string[]]).optional(),
    from: DATE.optional(),
    to: DATE.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ["to"],
    message: "the end of the start dates must not be before their beginning",
  });

const filterOf = (q: z.infer<typeof CohortQuery>) => ({
  protocolId: q.protocol,
  startFrom: q.from,
  startTo: q.to,
});

/** The protocols the clinic's patients are on, by name, for the page's filter. */
function protocolsIn(rows: readonly ClinicCohortRow[]): { id: string; name: string }[] {
  const ids = new Set(rows.map((r) => r.protocolId));
  return PROTOCOLS.filter((p) => ids.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
}

export const cohortRoutes = [
  defineRoute({
    method: "get",
    path: "/api/cohort",
    summary:
      "The clinic's cohort analysis: Table 1, pre/post outcomes (paired t, Wilcoxon, or why they cannot be computed), MED histogram, hormesis count, responder rate, time to MED, drop-outs; filtered by protocol and start dates; null when no patient has a plan",
    tag: "cohort",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "cohort.read",
    query: CohortQuery,
    response: CohortSchema.nullable(),
    handler: async ({ tx, principal, query }) => {
      const all = clinicCohortRows(await tx.records.forClinic(principal!.clinicId));
      if (all.length === 0) return null;
      const filter = filterOf(query);
      const filtered = all.filter((r) => matchesCohortFilter(r, filter));
      const common = {
        protocols: protocolsIn(all),
        course: summariseCourses(filtered.map((r) => r.course)),
      };
      if (filtered.length === 0) return { patients: 0 as const, ...common };
      return { ...analyzeCohort(clinicCohort(filtered)), ...common };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/cohort.csv",
    summary:
      "The cohort page's patients as CSV (pseudonymous ids, protocol, MED, time to MED, drop-out, responder, scores before and after), with the same filters",
    tag: "cohort",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "cohort.export",
    query: CohortQuery,
    response: z.string(),
    handler: async ({ tx, principal, query }) => {
      const rows = clinicCohortRows(await tx.records.forClinic(principal!.clinicId), filterOf(query));
      const csv = cohortCsv(
        rows,
        clinicCohort(rows).scales.map((s) => s.name),
      );
      return {
        body: "",
        file: {
          bytes: new TextEncoder().encode(csv),
          contentType: "text/csv; charset=utf-8",
          filename: "ldn-cohort.csv",
        },
      };
    },
  }),
];
