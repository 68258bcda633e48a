// The baseline the bench compares against, named "load and filter in JS": per community, read the organisation's
// week (every lesson, event, action and vote of it, whatever its tags) with plain indexed queries, fetch the older
// lessons those rows point at, and keep the community's part in JavaScript. It is what one writes first.
import { z } from 'zod';
import { buildDigest, type Digest } from '../../../src/communities/digest-content';
import { daysOfWeekFrom, weekEndingAt } from '../../../src/communities/digest-time';
import { personSchema } from '../../../src/core/schemas';
import type { Sql } from '../../../src/store/db';
import type { Community } from '../../../src/store/communities';
import type { DigestLesson, DigestSections, DueAction, LessonFeedbackTally, LessonMove } from '../../../src/store/digest';

const lessonRow = z.object({
  id: z.string(),
  tenant: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['draft', 'validated', 'approved', 'applied']),
  contributors: z.array(z.object({ id: z.string(), name: z.string().optional() })),
  source_platform: z.string(),
  source_url: z.string().nullable(),
  created_at: z.coerce.date(),
  archived_at: z.coerce.date().nullable(),
});
type LessonRow = z.infer<typeof lessonRow>;
const LESSON = 'id, tenant, title, tags, status, contributors, source_platform, source_url, created_at, archived_at';

const eventRow = z.object({ id: z.coerce.number(), lesson_id: z.string(), kind: z.string(), actor: personSchema, at: z.coerce.date() });
const actionRow = z.object({
  id: z.string(),
  lesson_id: z.string().nullable(),
  place: z.object({ channel: z.string() }).nullable(),
  text: z.string(),
  owner: personSchema,
  due_on: z.string(),
  created_at: z.coerce.date(),
  closed_at: z.coerce.date().nullable(),
});
const voteRow = z.object({ lesson_id: z.string(), useful: z.boolean() });

function asDigestLesson(l: LessonRow): DigestLesson {
  const mentionable = l.source_platform === 'slack' || l.source_platform === 'teams';
  return {
    id: l.id,
    title: l.title,
    tags: l.tags,
    status: l.status,
    contributors: l.contributors.map((c) => ({ ...c, mentionable })),
    ...(l.source_url === null ? {} : { url: l.source_url }),
    createdAt: l.created_at,
  };
}

const byTime = (a: Date, b: Date): number => a.getTime() - b.getTime();
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function naiveDigest(q: Sql, community: Community, slot: Date): Promise<Digest> {
  const { tenant, tags } = community;
  const channel = community.place.channel;
  const { timeZone } = community.digest;
  const week = weekEndingAt(slot, timeZone);
  const weekEnd = daysOfWeekFrom(slot, timeZone).weekEnd;
  const span = [tenant, week.from, week.to];

  const weekLessons = (await q.query(`SELECT ${LESSON} FROM lessons WHERE tenant = $1 AND created_at >= $2 AND created_at < $3`, span)).map((r) => lessonRow.parse(r));
  const events = (await q.query('SELECT id, lesson_id, kind, actor, at FROM lesson_events WHERE tenant = $1 AND at >= $2 AND at < $3', span)).map((r) => eventRow.parse(r));
  const actionColumns = 'id, lesson_id, place, text, owner, due_on::text AS due_on, created_at, closed_at';
  const open = (await q.query(`SELECT ${actionColumns} FROM lesson_actions WHERE tenant = $1 AND status = 'open' AND due_on < $2::date`, [tenant, weekEnd])).map((r) => actionRow.parse(r));
  const done = (await q.query(`SELECT ${actionColumns} FROM lesson_actions WHERE tenant = $1 AND status = 'done' AND closed_at >= $2 AND closed_at < $3`, span)).map((r) => actionRow.parse(r));
  const votes = (await q.query('SELECT lesson_id, useful FROM lesson_feedback WHERE tenant = $1 AND at >= $2 AND at < $3', span)).map((r) => voteRow.parse(r));

  // The older lessons the week's rows point at.
  const lessons = new Map(weekLessons.map((l) => [l.id, l]));
  const pointedAt = [
    ...events.map((e) => e.lesson_id),
    ...[...open, ...done].flatMap((a) => (a.lesson_id === null ? [] : [a.lesson_id])),
    ...votes.map((v) => v.lesson_id),
  ];
  const wanted = [...new Set(pointedAt)].filter((id) => !lessons.has(id));
  if (wanted.length > 0) {
    for (const row of await q.query(`SELECT ${LESSON} FROM lessons WHERE id = ANY($1::uuid[])`, [wanted])) {
      const l = lessonRow.parse(row);
      lessons.set(l.id, l);
    }
  }
  const inDomain = (id: string | null): LessonRow | undefined => {
    const l = id === null ? undefined : lessons.get(id);
    return l !== undefined && l.tenant === tenant && l.archived_at === null && l.tags.some((t) => tags.includes(t)) ? l : undefined;
  };
  const ours = (a: z.infer<typeof actionRow>): boolean => inDomain(a.lesson_id) !== undefined || a.place?.channel === channel;

  const newLessons = weekLessons
    .filter((l) => inDomain(l.id))
    .sort((a, b) => byTime(a.created_at, b.created_at) || byId(a.id, b.id))
    .map(asDigestLesson);
  const moves: LessonMove[] = events
    .filter((e) => (e.kind === 'approved' || e.kind === 'applied') && inDomain(e.lesson_id))
    .sort((a, b) => byTime(a.at, b.at) || a.id - b.id)
    .map((e) => ({ kind: e.kind as LessonMove['kind'], actor: e.actor, at: e.at, lesson: asDigestLesson(inDomain(e.lesson_id) as LessonRow) }));
  const dueActions: DueAction[] = open
    .filter(ours)
    .sort((a, b) => byId(a.due_on, b.due_on) || byTime(a.created_at, b.created_at) || byId(a.id, b.id))
    .map((a) => {
      const title = a.lesson_id === null ? undefined : lessons.get(a.lesson_id)?.title;
      return { id: a.id, text: a.text, owner: a.owner, dueOn: a.due_on, ...(title === undefined ? {} : { lessonTitle: title }) };
    });
  const doneActions = done
    .filter(ours)
    .sort((a, b) => byTime(a.closed_at ?? a.created_at, b.closed_at ?? b.created_at) || byId(a.id, b.id))
    .map((a) => ({ owner: a.owner }));
  const tallies = new Map<string, LessonFeedbackTally>();
  for (const v of votes) {
    const l = inDomain(v.lesson_id);
    if (!l) continue;
    const tally = tallies.get(l.id) ?? { lesson: asDigestLesson(l), useful: 0, notUseful: 0 };
    if (v.useful) tally.useful += 1;
    else tally.notUseful += 1;
    tallies.set(l.id, tally);
  }
  const feedback = [...tallies.values()].sort(
    (a, b) =>
      b.useful - b.notUseful - (a.useful - a.notUseful) || b.useful - a.useful || byTime(b.lesson.createdAt, a.lesson.createdAt) || byId(a.lesson.id, b.lesson.id),
  );
  const sections: DigestSections = { newLessons, moves, dueActions, doneActions, feedback };
  return buildDigest(sections);
}
