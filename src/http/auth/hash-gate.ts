/**
 * A bound on password hashing. scrypt at OWASP's parameters takes 128 MiB and most of a second
 * of a core per hash; unbounded, thirty bogus logins sent at once queued a real login behind all
 * of them (58.6 s in issue 13). Here at most `concurrent` hashes run at a time; the rest wait in
 * one queue per client address, served in turn, so one address's flood delays another address's
 * login by at most one hash per slot; and an address with `maxWaitingPerQueue` hashes already
 * waiting is refused at once (429).
 */
import { availableParallelism } from "node:os";
import { tooManyRequests } from "../../domain/errors.ts";
import type { PasswordHasher } from "../../app/ports/password-hasher.ts";

/** A waiting hash asks its caller to come back in this many seconds when its queue is full. */
const BUSY_RETRY_SECONDS = 5;

/** One hash per core, at most 4 (libuv's default thread pool), at least 1. */
export const DEFAULT_HASH_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism()));
/** Hashes one address may have waiting besides those running. */
export const DEFAULT_MAX_WAITING_PER_QUEUE = 4;

export interface HashGate {
  /** Runs `task` when a slot is free, after the other queues' turns; throws 429 when `queue` is full. */
  run<T>(queue: string, task: () => Promise<T>): Promise<T>;
}

/**
 * @example
 * const gate = hashGate({ concurrent: 2 });
 * await gate.run("203.0.113.7", () => hasher.verify(password, stored));
 */
export function hashGate(
  options: { readonly concurrent?: number; readonly maxWaitingPerQueue?: number } = {},
): HashGate {
  const concurrent = options.concurrent ?? DEFAULT_HASH_CONCURRENCY;
  const maxWaiting = options.maxWaitingPerQueue ?? DEFAULT_MAX_WAITING_PER_QUEUE;
  /** Waiting tasks by queue. */
  const waiting = new Map<string, (() => void)[]>();
  /** When each queue was last served (a count of hashes started); never served goes first. */
  const lastServed = new Map<string, number>();
  let started = 0;
  let running = 0;
  const next = () => {
    while (running < concurrent && waiting.size > 0) {
      let queue = "";
      let oldest = Infinity;
      for (const name of waiting.keys()) {
        const served = lastServed.get(name) ?? -1;
        if (served < oldest) [queue, oldest] = [name, served];
      }
      const tasks = waiting.get(queue)!;
      const start = tasks.shift()!;
      if (tasks.length === 0) waiting.delete(queue);
      if (lastServed.size > 10_000) lastServed.clear();
      lastServed.set(queue, started++);
      running++;
      start();
    }
  };
  return {
    run(queue, task) {
      const mine = waiting.get(queue) ?? [];
      if (mine.length >= maxWaiting) {
        return Promise.reject(
          tooManyRequests(
            BUSY_RETRY_SECONDS,
            "Too many password checks are waiting from your address; try again in a few seconds",
          ),
        );
      }
      return new Promise((resolve, reject) => {
        mine.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            });
        });
        if (!waiting.has(queue)) waiting.set(queue, mine);
        next();
      });
    },
  };
}

/**
 * A hasher whose every hash waits its turn at `gate`, in the queue named by `queue` (the client
 * address), or in the queue "server" for hashes no client asked for directly.
 *
 * @example const hasher = gatedHasher(scryptHasher(), hashGate());
 * await hasher.verify("a password", stored, "203.0.113.7");
 */
export function gatedHasher(inner: PasswordHasher, gate: HashGate): PasswordHasher {
  return {
    hash: (password, queue = "server") => gate.run(queue, () => inner.hash(password)),
    verify: (password, stored, queue = "server") => gate.run(queue, () => inner.verify(password, stored)),
  };
}
