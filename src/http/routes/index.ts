/** Every route of the API, in the order the OpenAPI description lists them. */
import type { RouteDefinition } from "../route.ts";
import { assessmentRoutes } from "./assessment.ts";
import { attentionRoutes } from "./attention.ts";
import { auditRoutes } from "./audit.ts";
import { calendarRoutes } from "./calendar.ts";
import { checkInRoutes } from "./check-ins.ts";
import { clinicSettingsRoutes } from "./clinic-settings.ts";
import { cohortRoutes } from "./cohort.ts";
import { doseRoutes } from "./doses.ts";
import { invitationPreviewRoutes } from "./invitation-preview.ts";
import { fhirRoutes } from "./fhir.ts";
import { patientRoutes } from "./patients.ts";
import { pharmacyRoutes } from "./pharmacy.ts";
import { planRoutes } from "./plans.ts";
import { questionnaireRoutes } from "./questionnaires.ts";
import { reminderRoutes } from "./reminders.ts";
import { screeningHistoryRoutes } from "./screening-history.ts";
import { sessionRoutes } from "./session.ts";
import { smartRoutes } from "./smart.ts";
import { staffRoutes } from "./staff.ts";
import { systemRoutes } from "./system.ts";

export const ROUTES: readonly RouteDefinition[] = [
  ...systemRoutes(() => ROUTES),
  ...sessionRoutes,
  ...invitationPreviewRoutes,
  ...staffRoutes,
  ...patientRoutes,
  ...screeningHistoryRoutes,
  ...attentionRoutes,
  ...planRoutes,
  ...pharmacyRoutes,
  ...checkInRoutes,
  ...doseRoutes,
  ...assessmentRoutes,
  ...questionnaireRoutes,
  ...cohortRoutes,
  ...auditRoutes,
  ...fhirRoutes,
  ...clinicSettingsRoutes,
  ...calendarRoutes,
  ...reminderRoutes,
  ...smartRoutes,
];
