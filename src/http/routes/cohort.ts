/** The clinic's cohort analysis (004's tables and tests on the clinic's own patients). */
import { z } from "zod/v4";
import { clinicCohort } from "../../app/use-cases/clinic-cohort.ts";
import { analyzeCohort } from "../../domain/cohort/analyze-cohort.ts";
import { defineRoute } from "../route.ts";

export const cohortRoutes = [
  defineRoute({
    method: "get",
    path: "/api/cohort",
    summary:
      "The clinic's cohort analysis: Table 1, pre/post outcomes (paired t, Wilcoxon), MED histogram, hormesis count; null with fewer than one patient on a plan",
    tag: "cohort",
    access: { kind: "clinic", roles: ["clinician"] },
    action: "cohort.read",
    response: z.record(z.string(), z.unknown()).nullable(),
    handler: async ({ tx, principal }) => {
      const cohort = clinicCohort(await tx.records.forClinic(principal!.clinicId));
      return cohort.patients.length === 0
        ? null
        : (analyzeCohort(cohort) as unknown as Record<string, unknown>);
    },
  }),
];
