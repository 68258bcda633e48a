// Review answers as Mobilise stores them (a row per answer, see src/engine/run-state.ts), for tests to wait on.
import type { Sql } from '../../src/store/db';

/** How many answers the runs hold, of one flow or of all. */
export async function answerCount(db: Sql, flow?: string): Promise<number> {
  const sql = `SELECT count(*)::int AS n FROM run_contributions c JOIN flow_runs r ON r.id = c.run_id${flow ? ' WHERE r.flow = $1' : ''}`;
  const [row] = await db.query(sql, flow ? [flow] : []);
  return Number(row?.n ?? 0);
}

/** Every stored answer's text, oldest first. */
export async function answerTexts(db: Sql): Promise<string[]> {
  const rows = await db.query("SELECT body->>'text' AS text FROM run_contributions ORDER BY id");
  return rows.map((r) => String(r.text));
}
