/**
 * A patient's private calendar feed (issue 12: reminders at each dose time with the app closed).
 * The patient, or their clinician, makes a secret URL that the phone's calendar subscribes to;
 * each fetch builds the events afresh from the doses the patient takes now, so the calendar
 * follows every change of dose. The secret in the URL is the credential (a calendar app has no
 * session); only its hash is stored, and making a new one or revoking it stops the old URL.
 */
import { z } from "zod/v4";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { Repositories } from "../../app/ports/store.ts";
import { planDays } from "../../app/use-cases/plan-days.ts";
import { newToken, tokenHash } from "../../app/tokens.ts";
import { doseCalendarIcs } from "../../documents/dose-calendar.ts";
import { PatientParams } from "../api/common.ts";
import { notFound } from "../../domain/errors.ts";
import { defineRoute } from "../route.ts";
import { todayIn } from "../today.ts";

/** Days of doses a feed carries from today: a clinic setting, long enough for a phone left unsynced. */
export const FEED_DAYS = 14;
/** How often a subscribed calendar is asked to fetch again (minutes): a clinic setting. */
const FEED_REFRESH_MINUTES = 60;

const FeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
const NewFeedSchema = z.object({
  /** The feed's path on this server; the only time the secret is shown. */
  path: z.string(),
  createdAt: z.string(),
});

/** The feed's file name in the path: the 43-character token and `.ics`. */
const FeedParams = z.object({
  feed: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]{20,90}\.ics$/, "must be a calendar feed's name, <token>.ics"),
});

/** The patient's doses from today as an iCalendar; an empty calendar before any plan. */
async function feedIcs(tx: Repositories, patientId: string, today: string, stamp: Date): Promise<string> {
  const plans = await tx.plans.listForPatient(patientId);
  const base = {
    name: "LDN doses",
    uidPrefix: `ldn-${patientId}`,
    stamp,
    refreshMinutes: FEED_REFRESH_MINUTES,
  };
  if (plans.length === 0) return doseCalendarIcs({ ...base, protocolName: "", unit: "mg", days: [] });
  const { protocol, days } = await planDays(tx, patientId, today, FEED_DAYS, "from");
  return doseCalendarIcs({ ...base, protocolName: protocol.name, unit: protocol.unit, days });
}

export const calendarRoutes = [
  defineRoute({
    method: "get",
    path: "/api/patients/:patientId/calendar",
    summary: "Whether the patient has a working calendar feed, and since when (never its URL)",
    tag: "reminders",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "calendar.read",
    params: PatientParams,
    response: FeedSchema,
    handler: async ({ tx, params }) => {
      const feed = await tx.calendarFeeds.current(params.patientId);
      return { active: feed !== undefined, createdAt: feed?.createdAt ?? null };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/patients/:patientId/calendar",
    summary:
      "Make a new private calendar feed URL for the patient's doses (any earlier URL stops working); the URL is shown this once",
    tag: "reminders",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "calendar.create",
    params: PatientParams,
    body: z.object({}).optional(),
    response: NewFeedSchema,
    successStatus: 201,
    handler: async ({ tx, params }) => {
      const token = newToken();
      const feed = await tx.calendarFeeds.create(params.patientId, tokenHash(token));
      return { status: 201, body: { path: `/api/calendar/${token}.ics`, createdAt: feed.createdAt } };
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/patients/:patientId/calendar",
    summary: "Revoke the patient's calendar feed: its URL stops working at once",
    tag: "reminders",
    access: { kind: "patient", roles: ["clinician"], self: true },
    action: "calendar.revoke",
    params: PatientParams,
    response: FeedSchema,
    handler: async ({ tx, params }) => {
      await tx.calendarFeeds.revoke(params.patientId);
      return { active: false, createdAt: null };
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/calendar/:feed",
    summary:
      "A patient's calendar feed (text/calendar): an event with a reminder at each dose time from today, as the doses stand now. The secret in the path is the credential; unknown or revoked: 404",
    tag: "reminders",
    access: { kind: "public" },
    action: "calendar.fetch",
    params: FeedParams,
    response: z.unknown().describe("text/calendar"),
    handler: async ({ params, services, clientAddress }) => {
      const hash = tokenHash(params.feed.slice(0, -".ics".length));
      const feed = await services.store.transaction(SYSTEM_ACTOR, async (tx) => {
        const found = await tx.calendarFeeds.findByTokenHash(hash);
        if (!found)
          await tx.audit.record({
            action: "calendar.fetch",
            outcome: "failure",
            details: { reason: "unknown or revoked feed", address: clientAddress },
          });
        return found;
      });
      if (!feed) throw notFound("calendar feed");
      // The patient's calendar app reads on the patient's behalf: audited as the patient.
      const ics = await services.store.transaction({ kind: "patient", id: feed.patientId }, async (tx) => {
        await tx.audit.record({
          action: "calendar.fetch",
          patientId: feed.patientId,
          details: { via: "calendar feed", address: clientAddress },
        });
        return feedIcs(tx, feed.patientId, todayIn(services.clock), services.clock.now());
      });
      return {
        body: null,
        file: {
          bytes: new TextEncoder().encode(ics),
          contentType: "text/calendar; charset=utf-8",
          filename: "ldn-doses.ics",
        },
      };
    },
  }),
];
