/**
 * Kysely's better-sqlite3 dialect, with two changes.
 *
 * Transactions start with `BEGIN IMMEDIATE`. Every transaction here writes (at least its audit
 * event). A plain `BEGIN` starts as a reader and upgrades to a writer at its first write; if
 * another process (the server and an `ldn` command, say) committed in between, SQLite fails the
 * upgrade with SQLITE_BUSY at once, busy timeout or not. Taking the write lock up front makes a
 * second writer wait its turn instead.
 *
 * A write is durable before it returns, its flush made off the event loop (wal-flush.ts): after
 * any statement that wrote and left the connection outside a transaction (a COMMIT, or a write
 * on its own), the WAL is flushed before the statement's promise resolves, with the connection
 * still held, so nobody reads what a crash could still take back from this connection.
 */
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
} from "kysely";
import type { WalFlush } from "./wal-flush.ts";

interface DurableConfig extends SqliteDialectConfig {
  /** Whether the connection is inside a transaction now (better-sqlite3's `inTransaction`). */
  readonly inTransaction: () => boolean;
  readonly wal: WalFlush;
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #config: DurableConfig;
  #durable: DatabaseConnection | undefined;

  constructor(config: DurableConfig) {
    super(config);
    this.#config = config;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#durable ??= durable(connection, this.#config);
    return this.#durable;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  /**
   * Kysely rolls back when a commit fails. When the COMMIT was made and its flush failed there
   * is no transaction left, and "cannot rollback" would hide the flush's own error.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#config.inTransaction()) await super.rollbackTransaction(connection);
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.#config.wal.close();
  }
}

/** The connection, with every write that ends outside a transaction flushed before it returns. */
function durable(connection: DatabaseConnection, config: DurableConfig): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const result = await connection.executeQuery<R>(query);
      // A statement that is not a reader answers with numAffectedRows (Kysely's SqliteConnection).
      if (result.numAffectedRows !== undefined && !config.inTransaction()) await config.wal.flush();
      return result;
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}

/**
 * @example
 * new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database, inTransaction, wal }) });
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: DurableConfig;

  constructor(config: DurableConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
