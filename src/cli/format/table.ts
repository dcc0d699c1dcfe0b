/** A column of a plain-text table: header plus how to read a cell from a row. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string | number | undefined | null;
  /** Longest a cell may be before it is cut with an ellipsis. */
  max?: number;
  align?: 'left' | 'right';
}

const EMPTY = '—';

function fit(value: string, max: number | undefined): string {
  // Tables are one line per record: newlines inside a cell would break the columns.
  const flat = value.replace(/\s+/g, ' ').trim();
  if (max === undefined || flat.length <= max) return flat;
  return max <= 1 ? flat.slice(0, max) : `${flat.slice(0, max - 1)}…`;
}

/** Renders rows as aligned columns separated by two spaces, with a header line. */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], options: { header?: boolean } = {}): string {
  const cells = rows.map((row) =>
    columns.map((c) => {
      const v = c.cell(row);
      return fit(v === undefined || v === null || v === '' ? EMPTY : String(v), c.max);
    }),
  );
  const withHeader = options.header !== false;
  const widths = columns.map((c, i) => Math.max(withHeader ? c.header.length : 0, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : i === values.length - 1 ? v : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (withHeader) out.push(line(columns.map((c) => c.header.toUpperCase())));
  for (const r of cells) out.push(line(r));
  return out.join('\n');
}

/** "key: value" lines for one record, skipping empty values. */
export function renderFields(fields: ReadonlyArray<readonly [string, unknown]>): string {
  const shown = fields.filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('\n');
}
