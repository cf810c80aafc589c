/**
 * Check-in traffic through `kill -9`, for the durability tests (SQLite and PostgreSQL): several
 * clients stream check-ins while the server process is killed with SIGKILL at random moments
 * (once it has acknowledged a check-in since it started, so every kill lands mid-stream, however
 * slowly a busy machine restarts it) and restarted; a request cut off by a kill is retried with its key afterwards, as a phone
 * would. The server's last stop is a SIGKILL too. What was stored is for the caller to check.
 */
import type { ServerProcess } from "./server-process.ts";

export interface KillTraffic {
  /** Starts the server (again) on the same database and port. */
  readonly start: () => Promise<ServerProcess>;
  readonly patientId: string;
  readonly cookie: string;
  /** Kills, each after a random stretch of traffic (bounded: the test stops by itself). */
  readonly kills: number;
  /** Concurrent clients, each with one check-in in flight at a time. */
  readonly clients: number;
  /** Traffic before a kill: uniform in [0, maxTrafficMs), so some kills land at once. */
  readonly maxTrafficMs: number;
}

export interface KillOutcome {
  /** Key -> the entry id the server answered with (201, or 200 for a key it had stored). */
  readonly acknowledged: ReadonlyMap<string, string>;
  readonly sent: ReadonlySet<string>;
  /** Sent, then the connection died: stored or not, nobody knew until the retry. */
  readonly cutOff: ReadonlySet<string>;
  readonly inFlightAtKill: readonly number[];
  /** The retries of cut-off keys: already stored (200) or not (201). */
  readonly retried: { readonly stored: number; readonly new: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Today in the server's zone, as a check-in's date. */
function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, "0"))
    .join("-");
}

/**
 * @example
 * const outcome = await checkInThroughKills({ start: () => startServerProcess(db, port), patientId, cookie, kills: 5, clients: 8, maxTrafficMs: 1200 });
 */
export async function checkInThroughKills(options: KillTraffic): Promise<KillOutcome> {
  const today = localToday();
  const acknowledged = new Map<string, string>();
  const sent = new Set<string>();
  const cutOff = new Set<string>();
  const inFlightAtKill: number[] = [];
  let inFlight = 0;
  let stop = false;
  let server = await options.start();
  // Resolves while the server is up; replaced by a pending promise while it restarts.
  let up: Promise<void> = Promise.resolve();

  const checkIn = async (key: string) => {
    const res = await fetch(`${server.url}/api/patients/${options.patientId}/check-ins`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: options.cookie, "idempotency-key": key },
      // Every client checks in for today again and again: the first makes the day's entry,
      // each later one corrects it, and every version is kept.
      body: JSON.stringify({ date: today, doses: [{ time: "08:00", ug: 100 }], pain: 5, sideEffects: [] }),
    });
    const body = (await res.json()) as { id?: string };
    return { status: res.status, id: body.id };
  };

  const client = async (n: number) => {
    for (let i = 0; !stop; i++) {
      await up;
      const key = `kill-${n}-${String(i).padStart(6, "0")}`;
      sent.add(key);
      inFlight++;
      try {
        const { status, id } = await checkIn(key);
        if ((status === 201 || status === 200) && id) acknowledged.set(key, id);
        else throw new Error(`unexpected ${status} for ${key}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("unexpected")) throw error;
        cutOff.add(key);
        await sleep(10);
      } finally {
        inFlight--;
      }
    }
  };
  const clients = Array.from({ length: options.clients }, (_, n) => client(n));
  /** Resolves once the (re)started server has acknowledged a check-in: traffic is flowing. */
  const flowing = async () => {
    const before = acknowledged.size;
    while (acknowledged.size === before) await sleep(5);
  };
  for (let kill = 0; kill < options.kills; kill++) {
    await flowing();
    await sleep(Math.random() * options.maxTrafficMs);
    let back!: () => void;
    up = new Promise((r) => (back = r));
    inFlightAtKill.push(inFlight);
    server.child.kill("SIGKILL");
    await server.exited;
    server = await options.start();
    back();
  }
  await sleep(300);
  stop = true;
  await Promise.all(clients);

  // A phone retries what it never heard back about: the same key, so nothing is stored twice.
  const retried = { stored: 0, new: 0 };
  for (const key of cutOff) {
    const { status, id } = await checkIn(key);
    if ((status !== 200 && status !== 201) || !id) throw new Error(`retry of ${key} answered ${status}`);
    acknowledged.set(key, id);
    retried[status === 200 ? "stored" : "new"]++;
  }
  server.child.kill("SIGKILL");
  await server.exited;
  return { acknowledged, sent, cutOff, inFlightAtKill, retried };
}
