/**
 * Kysely's better-sqlite3 dialect, except that transactions start with `BEGIN IMMEDIATE`.
 *
 * Why: every transaction here writes (at least its audit event). A plain `BEGIN` starts as a
 * reader and upgrades to a writer at its first write; if another process (the server and an
 * `ldn` command, say) committed in between, SQLite fails the upgrade with SQLITE_BUSY at once,
 * busy timeout or not. Taking the write lock up front makes a second writer wait its turn instead.
 */
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from "kysely";

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/**
 * @example
 * new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: new Database(path) }) });
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
