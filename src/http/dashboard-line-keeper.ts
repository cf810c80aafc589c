/**
 * Keeps every clinic's dashboard lines made for today, looking every few minutes, so the
 * first dashboard request of the day (and the first after a quiet spell of writes) reads
 * lines already made rather than replaying the engine for the whole clinic in its request.
 */
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import type { Clock } from "../app/ports/clock.ts";
import type { Store } from "../app/ports/store.ts";
import { keepDashboardLines } from "../app/use-cases/keep-dashboard-lines.ts";
import { todayIn } from "./today.ts";

/** How often it looks (a server setting, not a clinical one). */
const LOOK_EVERY_MS = 5 * 60_000;

/** Looked again this long after the clinic's midnight, so the look falls on the new day. */
const PAST_MIDNIGHT_MS = 1_000;

/**
 * Milliseconds to the next look: `everyMs`, or less when the clinic's day ends sooner, so a
 * new day's lines are made from its first second, not up to `everyMs` into it, when a read
 * would have to make them itself.
 *
 * @example nextLookMs(new Date(2027, 0, 4, 23, 58), 300_000) // 121_000
 */
export function nextLookMs(now: Date, everyMs: number): number {
  const nextDay = new Date(now);
  nextDay.setHours(24, 0, 0, PAST_MIDNIGHT_MS);
  return Math.min(everyMs, Math.max(0, nextDay.getTime() - now.getTime()));
}

export interface DashboardLineKeeper {
  /** Stops looking, once the pass under way (if any) has finished. */
  stop(): Promise<void>;
}

/** @example const keeper = startDashboardLineKeeper({ store, clock }); ... await keeper.stop(); */
export function startDashboardLineKeeper(
  services: { readonly store: Store; readonly clock: Clock },
  options: {
    readonly everyMs?: number;
    readonly log?: (message: string) => void;
    /** Told after each whole pass how many lines it made. */
    readonly passed?: (made: number) => void;
  } = {},
): DashboardLineKeeper {
  const log = options.log ?? (() => undefined);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();
  const once = async () => {
    const clinics = await services.store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
    let made = 0;
    for (const clinic of clinics) {
      // Stopping (the server shutting down) does not wait for every clinic.
      if (stopped) return;
      made += await keepDashboardLines(services.store, clinic.id, todayIn(services.clock));
    }
    options.passed?.(made);
  };
  const tick = () => {
    pass = once()
      .catch((error: unknown) => log(`ldn dashboard lines: pass failed: ${String(error)}`))
      .finally(() => {
        if (!stopped)
          timer = setTimeout(tick, nextLookMs(services.clock.now(), options.everyMs ?? LOOK_EVERY_MS));
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
