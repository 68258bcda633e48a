// Which spreadsheet column holds which lesson field: headers are matched ignoring case, spaces and punctuation.

export const IMPORT_FIELDS = ['title', 'recommendation', 'observation', 'reason', 'technique', 'tags', 'date', 'status', 'contributors'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ['title', 'recommendation'];

/** The headers people use for each field, as written in the usage text; the field's own name always counts. */
export const FIELD_ALIASES: Record<ImportField, readonly string[]> = {
  title: [],
  recommendation: ['lesson', 'lesson learned', 'what we will do', 'action'],
  observation: ['what happened'],
  reason: ['why', 'root cause'],
  technique: [],
  tags: [],
  // Mobilise's own CSV export calls it createdAt, so an export imports back with its dates.
  date: ['created at'],
  status: [],
  contributors: [],
};

/** "Lesson Learned", "lesson_learned" and " lessonlearned? " are the same header. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const FIELD_BY_KEY = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => [field, ...FIELD_ALIASES[field]].map((name) => [headerKey(name), field] as const)),
);

export interface ColumnMap {
  /** Field → index of its column in each row. */
  columns: Partial<Record<ImportField, number>>;
  /** Headers that match no field, as written, in file order. */
  unknown: string[];
}

export type ColumnProblem =
  | { kind: 'missing'; field: ImportField }
  | { kind: 'twice'; field: ImportField; headers: [string, string] };

export function mapColumns(header: readonly string[]): { ok: true; map: ColumnMap } | { ok: false; problem: ColumnProblem } {
  const columns: Partial<Record<ImportField, number>> = {};
  const unknown: string[] = [];
  for (const [index, raw] of header.entries()) {
    const name = raw.trim();
    // An empty header is usually a spreadsheet's trailing blank column, not something to mention.
    if (name === '') continue;
    const field = FIELD_BY_KEY.get(headerKey(name));
    if (field === undefined) {
      unknown.push(name);
      continue;
    }
    const earlier = columns[field];
    if (earlier !== undefined) return { ok: false, problem: { kind: 'twice', field, headers: [header[earlier]?.trim() ?? field, name] } };
    columns[field] = index;
  }
  const missing = REQUIRED_FIELDS.find((field) => columns[field] === undefined);
  if (missing !== undefined) return { ok: false, problem: { kind: 'missing', field: missing } };
  return { ok: true, map: { columns, unknown } };
}
