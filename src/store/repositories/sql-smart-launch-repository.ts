/**
 * SMART launches (src/app/ports/smart-launch-repository.ts) over `smart_pending_launches` and
 * `smart_launches` (migration 0011). A pending launch is taken by deleting its row: of two
 * processes handed the same state, only the one whose delete removed the row goes on.
 */
import { randomBytes } from "node:crypto";
import type { Selectable } from "kysely";
import type {
  FinishedLaunch,
  PendingLaunch,
  SmartLaunchRepository,
} from "../../app/ports/smart-launch-repository.ts";
import type { SmartLaunchTable } from "../schema.ts";
import type { TxContext } from "./context.ts";

/** How long the EHR has to call back (a clinic setting of ldn's, not clinical). */
const PENDING_MS = 10 * 60_000;
/** A launch whose token can be refreshed stays usable this long after its access token expires. */
const REFRESHABLE_MS = 12 * 3600_000;

const toFinished = (row: Selectable<SmartLaunchTable>): FinishedLaunch => ({
  id: row.id,
  sessionId: row.session_id,
  iss: row.iss,
  ehrPatientId: row.ehr_patient_id,
  accessToken: row.access_token,
  refreshToken: row.refresh_token,
  tokenEndpoint: row.token_endpoint,
  scope: row.scope,
  prefill: JSON.parse(row.prefill) as FinishedLaunch["prefill"],
  expiresAt: Number(row.expires_ms),
});

/** @example const launch = await sqlSmartLaunchRepository(ctx).get(id, sessionId, Date.now()); */
export function sqlSmartLaunchRepository(ctx: TxContext): SmartLaunchRepository {
  const { trx } = ctx;
  const sweep = async (nowMs: number) => {
    await trx.deleteFrom("smart_pending_launches").where("expires_ms", "<=", nowMs).execute();
    await trx
      .deleteFrom("smart_launches")
      .where((w) =>
        w.or([
          w.and([w("refresh_token", "is", null), w("expires_ms", "<=", nowMs)]),
          w("expires_ms", "<=", nowMs - REFRESHABLE_MS),
        ]),
      )
      .execute();
  };
  return {
    async begin(launch, nowMs) {
      await sweep(nowMs);
      const pending: PendingLaunch = {
        ...launch,
        state: randomBytes(32).toString("base64url"),
        expiresAt: nowMs + PENDING_MS,
      };
      await trx
        .insertInto("smart_pending_launches")
        .values({
          state: pending.state,
          session_id: pending.sessionId,
          iss: pending.iss,
          verifier: pending.verifier,
          token_endpoint: pending.tokenEndpoint,
          expires_ms: pending.expiresAt,
        })
        .execute();
      return pending;
    },
    async take(state, sessionId, nowMs) {
      const row = await trx
        .deleteFrom("smart_pending_launches")
        .where("state", "=", state)
        .where("session_id", "=", sessionId)
        .returningAll()
        .executeTakeFirst();
      if (row === undefined || Number(row.expires_ms) <= nowMs) return undefined;
      return {
        state: row.state,
        sessionId: row.session_id,
        iss: row.iss,
        verifier: row.verifier,
        tokenEndpoint: row.token_endpoint,
        expiresAt: Number(row.expires_ms),
      };
    },
    async finish(launch, nowMs) {
      await sweep(nowMs);
      const finished: FinishedLaunch = { ...launch, id: randomBytes(16).toString("hex") };
      await trx
        .insertInto("smart_launches")
        .values({
          id: finished.id,
          session_id: finished.sessionId,
          iss: finished.iss,
          ehr_patient_id: finished.ehrPatientId,
          scope: finished.scope,
          access_token: finished.accessToken,
          refresh_token: finished.refreshToken,
          token_endpoint: finished.tokenEndpoint,
          expires_ms: finished.expiresAt,
          prefill: JSON.stringify(finished.prefill),
        })
        .execute();
      return finished;
    },
    async get(id, sessionId, nowMs) {
      const row = await trx
        .selectFrom("smart_launches")
        .selectAll()
        .where("id", "=", id)
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const launch = toFinished(row);
      const usableUntil = launch.refreshToken === null ? launch.expiresAt : launch.expiresAt + REFRESHABLE_MS;
      return usableUntil > nowMs ? launch : undefined;
    },
    async renew(id, token) {
      await trx
        .updateTable("smart_launches")
        .set({
          access_token: token.accessToken,
          refresh_token: token.refreshToken,
          expires_ms: token.expiresAt,
        })
        .where("id", "=", id)
        .execute();
    },
  };
}
