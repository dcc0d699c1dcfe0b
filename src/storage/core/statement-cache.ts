/**
 * The statements of a save, compiled once per shape and run with fresh arguments.
 *
 * Kysely builds and compiles a query on every call, which cost more CPU than SQLite
 * spent running the small statements of a save; and a multi-row INSERT had new SQL for
 * every row count, so the adapter kept preparing statements again. A template is
 * compiled by Kysely (so each adapter still gets its own SQL) with a placeholder for
 * every argument; running it puts the real arguments where the placeholders landed.
 */
import type { Compilable, CompiledQuery, Insertable, QueryResult } from 'kysely';
import type { Db } from './rows.js';
import type { Database } from './schema.js';

interface Template {
  compiled: CompiledQuery;
  /** For each bound parameter, the index of the argument it takes. */
  slots: number[];
}

/** Stands for argument `i` while a template compiles; never sent to a database. */
const placeholder = (i: number): string => `\u0000arg${i}\u0000`;

export class StatementCache {
  readonly #templates = new Map<string, Template>();

  /**
   * Runs the query `build` makes, compiled once per `key`. `build` receives `arity`
   * placeholders and must pass each one as a plain value (Kysely binds it).
   */
  run<R>(db: Db, key: string, arity: number, build: (args: string[]) => Compilable<R>, args: readonly unknown[]): Promise<QueryResult<R>> {
    const template = this.#templates.get(key) ?? this.#compile(key, arity, build);
    const parameters = template.slots.map((i) => args[i]);
    return db.executeQuery<R>({ ...template.compiled, parameters } as CompiledQuery<R>);
  }

  #compile(key: string, arity: number, build: (args: string[]) => Compilable<unknown>): Template {
    const names = Array.from({ length: arity }, (_, i) => placeholder(i));
    const index = new Map(names.map((n, i) => [n, i]));
    const compiled = build(names).compile();
    const slots = compiled.parameters.map((p) => {
      const i = typeof p === 'string' ? index.get(p) : undefined;
      if (i === undefined) throw new Error(`Statement "${key}" binds a value that is not one of its arguments.`);
      return i;
    });
    const template = { compiled, slots };
    this.#templates.set(key, template);
    return template;
  }
}

/** Values per IN list: longer lists go in several statements. */
export const IN_LIST_MAX = 512;

/**
 * An IN list padded with nulls (which match nothing) to a power of two, at least 16, so
 * a statement taking one has few shapes.
 */
export function paddedInList(values: readonly string[]): (string | null)[] {
  let size = 16;
  while (size < values.length) size *= 2;
  return [...values, ...new Array<null>(size - values.length).fill(null)];
}

/**
 * Rows per INSERT: the largest power of two that fits (at most 128), so a table needs at
 * most 8 statement shapes, each compiled and prepared once, and a save a few statements
 * per table. 128 rows of the widest table bind 3,072 values, far below either
 * database's limit.
 */
function rowsPerStatement(remaining: number): number {
  let n = 128;
  while (n > remaining) n /= 2;
  return n;
}

/** Inserts `rows` (every one giving every column in `columns`) in a few compiled-once statements. */
export async function insertRows<T extends keyof Database>(
  db: Db,
  cache: StatementCache,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  // A column added to the table but not to `columns` would be silently left out.
  if (rows.length > 0 && Object.keys(rows[0]).length !== columns.length) {
    throw new Error(`Rows for ${table} have columns the insert does not list (${Object.keys(rows[0]).join(', ')}).`);
  }
  for (let start = 0; start < rows.length; ) {
    const n = rowsPerStatement(rows.length - start);
    const args: unknown[] = [];
    for (let r = start; r < start + n; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const c of columns) args.push(row[c] ?? null);
    }
    const width = columns.length;
    await cache.run(
      db,
      `insert ${table} ${n}`,
      n * width,
      (slots) =>
        db.insertInto(table).values(
          Array.from({ length: n }, (_, r) => Object.fromEntries(columns.map((c, i) => [c, slots[r * width + i]]))) as any,
        ),
      args,
    );
    start += n;
  }
}
