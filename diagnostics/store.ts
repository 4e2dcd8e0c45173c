/**
 * The model's activity tables in SQLite (sql.js, compiled to WebAssembly: no native build, no server, the same
 * in Node and in a browser). The store mirrors the model's database state and can be rebuilt from it at any
 * point; the model itself never waits on it, so exploring failure orderings does not pay for SQL.
 */
import type { Database, QueryExecResult, SqlJsStatic, SqlValue } from 'sql.js';
import { ACTIVITY_COLUMNS, type ActivityRow, type RoutingQueueRow, type UserRow } from '../model/database';
import { fromSqlServer, type DiagnosticQuery } from './queries';
import { SCHEMA } from './schema';

/** The rows the store mirrors: what `Deployment.inspect().db` holds. */
export interface DatabaseRows {
  readonly activities: readonly Readonly<ActivityRow>[];
  readonly queues: readonly RoutingQueueRow[];
  readonly users: readonly UserRow[];
}

export type ResultRow = Record<string, SqlValue>;

export interface QueryResult {
  readonly title: string;
  /** What ran: the SQL Server text after `fromSqlServer`. */
  readonly sql: string;
  readonly columns: readonly string[];
  readonly rows: readonly ResultRow[];
}

export class QueryError extends Error {
  constructor(
    readonly sql: string,
    readonly engineMessage: string,
  ) {
    super(`SQLite rejected the query: ${engineMessage}\n--- query ---\n${sql}`);
    this.name = 'QueryError';
  }
}

export class ActivityStore {
  private readonly db: Database;

  constructor(SQL: SqlJsStatic) {
    this.db = new SQL.Database();
    this.db.run('PRAGMA foreign_keys = ON;');
    this.db.exec(SCHEMA);
  }

  /**
   * Replaces every row with `rows`, in one transaction: if any row is refused (a broken key, a missing value),
   * the store keeps exactly what it had and the error names the row.
   */
  rebuild(rows: DatabaseRows): void {
    this.db.exec('BEGIN');
    try {
      this.db.exec('DELETE FROM egpl_casemgmt_activity; DELETE FROM egpl_user; DELETE FROM egpl_routing_queue;');
      this.insert('egpl_routing_queue', ['queue_id', 'queue_name'], rows.queues);
      this.insert('egpl_user', ['user_id', 'user_name', 'screen_name', 'login_ip'], rows.users);
      this.insert('egpl_casemgmt_activity', ACTIVITY_COLUMNS, rows.activities);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Runs a documented query, translated from SQL Server's dialect. */
  run(query: DiagnosticQuery): QueryResult {
    const sql = fromSqlServer(query.sqlServer);
    let results: QueryExecResult[];
    try {
      results = this.db.exec(sql);
    } catch (error) {
      throw new QueryError(sql, (error as Error).message);
    }
    if (results.length > 1) throw new QueryError(sql, 'expected one statement, got several');
    const result = results[0];
    // sql.js returns no result set at all for a query that matches no row; its columns come from the statement.
    const columns = result?.columns ?? this.columnsOf(sql);
    const rows = (result?.values ?? []).map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]!])));
    return { title: query.title, sql, columns, rows };
  }

  close(): void {
    this.db.close();
  }

  private columnsOf(sql: string): string[] {
    const statement = this.db.prepare(sql);
    try {
      return statement.getColumnNames();
    } finally {
      statement.free();
    }
  }

  private insert(table: string, columns: readonly string[], rows: readonly object[]): void {
    const statement = this.db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    try {
      for (const row of rows) {
        const values = columns.map((column) => (row as Record<string, SqlValue | undefined>)[column] ?? null);
        try {
          statement.run(values);
        } catch (error) {
          throw new Error(`${table} refused the row ${JSON.stringify(row)}: ${(error as Error).message}`);
        }
      }
    } finally {
      statement.free();
    }
  }
}
