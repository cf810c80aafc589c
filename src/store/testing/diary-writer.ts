/**
 * A second process that records check-ins into a SQLite database as fast as it can, so tests
 * can back up a database that is really being written. Prints `<idempotency key> <epoch ms>`
 * after each commit and stops cleanly on SIGTERM, when its reader goes away, or after a minute:
 * a test fixture must never outlive its test.
 *
 * @example
 * node --import tsx src/store/testing/diary-writer.ts ./data/ldn.sqlite <patient id>
 */
import { openStore } from "../sql-store.ts";

const [path, patientId] = process.argv.slice(2);
if (!path || !patientId) throw new Error("usage: diary-writer.ts DB_PATH PATIENT_ID");

/** Longest the writer runs, whatever happens to the test that started it. */
const MAX_RUN_MS = 60_000;

let stopping = false;
const stop = () => {
  stopping = true;
};
process.on("SIGTERM", stop);
process.stdout.on("error", stop);
setTimeout(stop, MAX_RUN_MS).unref();

const store = await openStore({ kind: "sqlite", path });
for (let n = 1; !stopping; n++) {
  const idempotencyKey = `live-${n}`;
  await store.transaction({ kind: "patient", id: patientId }, (tx) =>
    tx.diary.record({ patientId, date: "2027-01-05", idempotencyKey, body: { pain: n % 11 } }),
  );
  process.stdout.write(`${idempotencyKey} ${Date.now()}\n`);
  // better-sqlite3 is synchronous, so without this the loop never yields to the event loop and
  // neither SIGTERM nor the timer above could ever be handled.
  await new Promise((resolve) => setImmediate(resolve));
}
await store.close();
