/**
 * A fresh PostgreSQL database for tests that start real server processes (`ldn serve` with
 * `DATABASE_URL`): each run gets its own database, so runs never see each other's rows and the
 * servers need no schema setting, as a clinic's own servers would not.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface FreshPostgresDatabase {
  /** The new database's URL, for `DATABASE_URL`. */
  readonly url: string;
  /** Drops the database (closing any connection a killed server left). */
  drop(): Promise<void>;
}

/**
 * Creates an empty database `ldn_<prefix>_<random>` on the server `serverUrl` points at.
 *
 * @example
 * const fresh = await freshPostgresDatabase(TEST_DATABASE_URL!, "multi");
 * try { ... DATABASE_URL: fresh.url ... } finally { await fresh.drop(); }
 */
export async function freshPostgresDatabase(
  serverUrl: string,
  prefix: string,
): Promise<FreshPostgresDatabase> {
  const name = `ldn_${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}
