// SQL for coffee rounds: who was grouped with whom, who sat out, and whether they met.
import { z } from 'zod';
import type { PastRound } from '../../coffee/matching/types';
import type { Sql } from '../db';

export type MeetingAnswer = 'yes' | 'not-yet' | 'could-not';

export interface RoundRecord {
  programmeId: string;
  round: number;
  startsAt: Date;
  seed: number;
  sittingOut: string[];
  repeats: number;
}

const roundRow = z.object({
  round: z.number(),
  starts_at: z.coerce.date(),
  seed: z.coerce.number(),
  sitting_out: z.array(z.string()),
  repeats: z.number(),
});

/** Records a matched round and its groups; false (and nothing written) when the round was already matched. */
export async function insertRound(q: Sql, r: RoundRecord, groups: string[][], now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO coffee_rounds (programme_id, round, starts_at, seed, sitting_out, repeats, matched_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING round`,
    [r.programmeId, r.round, r.startsAt, r.seed, r.sittingOut, r.repeats, now],
  );
  if (rows.length === 0) return false;
  await q.query(
    `INSERT INTO coffee_groups (programme_id, round, idx, members)
     SELECT $1, $2, g.n - 1, ARRAY(SELECT jsonb_array_elements_text(g.members)) FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS g(members, n)`,
    [r.programmeId, r.round, JSON.stringify(groups)],
  );
  return true;
}

export async function roundOf(q: Sql, programmeId: string, round: number): Promise<RoundRecord | undefined> {
  const rows = await q.query(
    'SELECT round, starts_at, seed, sitting_out, repeats FROM coffee_rounds WHERE programme_id = $1 AND round = $2',
    [programmeId, round],
  );
  if (!rows[0]) return undefined;
  const r = roundRow.parse(rows[0]);
  return { programmeId, round: r.round, startsAt: r.starts_at, seed: r.seed, sittingOut: r.sitting_out, repeats: r.repeats };
}

/** Matched rounds from `fromRound` on, oldest first. */
export async function roundsFrom(q: Sql, programmeId: string, fromRound: number): Promise<RoundRecord[]> {
  const rows = await q.query(
    'SELECT round, starts_at, seed, sitting_out, repeats FROM coffee_rounds WHERE programme_id = $1 AND round >= $2 ORDER BY round',
    [programmeId, fromRound],
  );
  return rows.map((row) => {
    const r = roundRow.parse(row);
    return { programmeId, round: r.round, startsAt: r.starts_at, seed: r.seed, sittingOut: r.sitting_out, repeats: r.repeats };
  });
}

export async function groupsOf(q: Sql, programmeId: string, round: number): Promise<string[][]> {
  const rows = await q.query('SELECT members FROM coffee_groups WHERE programme_id = $1 AND round = $2 ORDER BY idx', [programmeId, round]);
  return rows.map((row) => z.object({ members: z.array(z.string()) }).parse(row).members);
}

const historyRow = z.object({
  round: z.number(),
  sitting_out: z.array(z.string()),
  members: z.array(z.string()).nullable(),
  met: z.boolean().nullable(),
});

/**
 * Every round's groups for the matcher. A group counts as not met only when someone in it said
 * "not yet" or "we couldn't" and nobody said yes; silence counts as met, so it is not repeated.
 */
export async function matchHistory(q: Sql, programmeId: string): Promise<PastRound[]> {
  const rows = await q.query(
    `SELECT r.round, r.sitting_out, g.members,
            CASE WHEN bool_or(a.answer = 'yes') THEN true WHEN count(a.answer) > 0 THEN false END AS met
     FROM coffee_rounds r
     LEFT JOIN coffee_groups g ON g.programme_id = r.programme_id AND g.round = r.round
     LEFT JOIN coffee_answers a ON a.programme_id = g.programme_id AND a.round = g.round AND a.person_id = ANY (g.members)
     WHERE r.programme_id = $1
     GROUP BY r.round, r.sitting_out, g.idx, g.members
     ORDER BY r.round, g.idx`,
    [programmeId],
  );
  const byRound = new Map<number, PastRound & { met: boolean[] }>();
  for (const row of rows) {
    const r = historyRow.parse(row);
    let past = byRound.get(r.round);
    if (!past) {
      past = { round: r.round, groups: [], met: [], sittingOut: r.sitting_out };
      byRound.set(r.round, past);
    }
    if (r.members === null) continue;
    past.groups.push(r.members);
    past.met.push(r.met !== false);
  }
  return [...byRound.values()];
}

/**
 * Stores a person's latest answer; false when they were not in a group that round, or the programme is not
 * `organisation`'s (a person id means something only inside its own organisation).
 */
export async function recordAnswer(
  q: Sql,
  organisation: string,
  a: { programmeId: string; round: number; personId: string; answer: MeetingAnswer },
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO coffee_answers (programme_id, round, person_id, answer, answered_at)
     SELECT $1, $2, $3, $4, $5 WHERE EXISTS (
       SELECT 1 FROM coffee_groups g JOIN coffee_programmes p ON p.id = g.programme_id
       WHERE g.programme_id = $1 AND g.round = $2 AND $3 = ANY (g.members) AND p.tenant = $6)
     ON CONFLICT (programme_id, round, person_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at
     RETURNING person_id`,
    [a.programmeId, a.round, a.personId, a.answer, now, organisation],
  );
  return rows.length === 1;
}

/** A comment goes with an answer already given in a programme of `organisation`; false when there is none. */
export async function recordComment(
  q: Sql,
  organisation: string,
  programmeId: string,
  round: number,
  personId: string,
  comment: string,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE coffee_answers a SET comment = $4 FROM coffee_programmes p
     WHERE a.programme_id = $1 AND a.round = $2 AND a.person_id = $3 AND p.id = a.programme_id AND p.tenant = $5 RETURNING a.person_id`,
    [programmeId, round, personId, comment, organisation],
  );
  return rows.length === 1;
}

/**
 * How the groups of a round (or of every round) went, by the one definition Mobilise uses everywhere: a group met
 * when anyone in it said yes. A group whose members answered both ways (yes, and not yet or we couldn't) counts as met
 * (a yes reports a meeting that happened; in a trio two may have met without the third) and is counted apart for the
 * organiser. A group where nobody answered did not say.
 */
export interface Meetings {
  groups: number;
  met: number;
  /** Groups where nobody answered. */
  unanswered: number;
  /** Groups counted as met although someone in them said not yet or we couldn't. */
  disagreed: number;
}

const meetingsRow = z.object({ groups: z.number(), met: z.number(), unanswered: z.number(), disagreed: z.number() });

/** Each group with its yes and other answers; `$2` null means every round. */
const GROUP_ANSWERS = `
  SELECT g.round, g.members,
         count(a.answer) FILTER (WHERE a.answer = 'yes') AS yes,
         count(a.answer) FILTER (WHERE a.answer <> 'yes') AS other
  FROM coffee_groups g
  LEFT JOIN coffee_answers a ON a.programme_id = g.programme_id AND a.round = g.round AND a.person_id = ANY (g.members)
  WHERE g.programme_id = $1 AND ($2::int IS NULL OR g.round = $2)
  GROUP BY g.programme_id, g.round, g.idx, g.members`;

const MEETINGS_COLUMNS = `
  count(*)::int AS groups,
  count(*) FILTER (WHERE yes > 0)::int AS met,
  count(*) FILTER (WHERE yes + other = 0)::int AS unanswered,
  count(*) FILTER (WHERE yes > 0 AND other > 0)::int AS disagreed`;

export interface RoundResult extends Meetings {
  people: number;
  /** People who answered at all. */
  answered: number;
}

export async function roundResult(q: Sql, programmeId: string, round: number): Promise<RoundResult> {
  const rows = await q.query(
    `WITH grouped AS (${GROUP_ANSWERS})
     SELECT ${MEETINGS_COLUMNS}, coalesce(sum(cardinality(members)), 0)::int AS people, coalesce(sum(yes + other), 0)::int AS answered
     FROM grouped`,
    [programmeId, round],
  );
  return meetingsRow.extend({ people: z.number(), answered: z.number() }).parse(rows[0]);
}

export interface ProgrammeStats {
  rounds: number;
  participants: number;
  /** Every round's groups together, by the same definition as each round's summary. */
  meetings: Meetings;
  /** Repeated pairs as a share of all pairs formed; null before any round. */
  repeatRate: number | null;
}

export async function programmeStats(q: Sql, programmeId: string): Promise<ProgrammeStats> {
  const rows = await q.query(
    `WITH grouped AS (${GROUP_ANSWERS})
     SELECT ${MEETINGS_COLUMNS},
            (SELECT count(*) FROM coffee_rounds WHERE programme_id = $1)::int AS rounds,
            (SELECT count(DISTINCT m) FROM grouped, unnest(members) AS m)::int AS participants,
            (SELECT coalesce(sum(repeats), 0) FROM coffee_rounds WHERE programme_id = $1)::int AS repeats,
            coalesce(sum(cardinality(members) * (cardinality(members) - 1) / 2), 0)::int AS pairs
     FROM grouped`,
    [programmeId, null],
  );
  const r = meetingsRow.extend({ rounds: z.number(), participants: z.number(), repeats: z.number(), pairs: z.number() }).parse(rows[0]);
  return {
    rounds: r.rounds,
    participants: r.participants,
    meetings: { groups: r.groups, met: r.met, unanswered: r.unanswered, disagreed: r.disagreed },
    repeatRate: r.pairs === 0 ? null : r.repeats / r.pairs,
  };
}

/** The newest comments, without names: the organiser reads them to improve the programme. */
export async function recentComments(q: Sql, programmeId: string, limit: number): Promise<{ round: number; comment: string }[]> {
  const rows = await q.query(
    'SELECT round, comment FROM coffee_answers WHERE programme_id = $1 AND comment IS NOT NULL ORDER BY answered_at DESC, round DESC LIMIT $2',
    [programmeId, limit],
  );
  return rows.map((row) => z.object({ round: z.number(), comment: z.string() }).parse(row));
}
