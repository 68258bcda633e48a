// Migration 009 on a database that already has rows: Slack rows stay where they are; Teams rows keyed by the shared
// Entra tenant move to their channel's team, with everything that hangs off them; nothing is lost.
import { randomUUID } from 'node:crypto';
import { migrate, readMigrations } from '../../src/store/migrate';
import type { Sql } from '../../src/store/db';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';

const ENTRA = '37c354b2-85b0-47f5-b222-07b48d774ee3';
const TEAM_A = '19:team-a-general@thread.tacv2';
const TEAM_B = '19:team-b-general@thread.tacv2';
const AT = '2026-11-01T10:00:00Z';

const place = (platform: string, tenant: string, channel: string): string => JSON.stringify({ platform, tenant, channel });
const who = (platform: string, tenant: string): string => JSON.stringify({ platform, tenant, id: 'U1' });

async function run(q: Sql, platform: string, tenant: string, channel: string): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO flow_runs (id, flow, version, tenant, place, place_key, started_by, state, status, created_at, updated_at)
     VALUES ($1, 'after-action-review', 1, $2, $3, $4, $5, '{}', 'done', $6, $6)`,
    [id, tenant, place(platform, tenant, channel), `${platform}:${tenant}:${channel}:${id}`, who(platform, tenant), AT],
  );
  return id;
}

/** A lesson from the run, with a validation, an action, a recall and a piece of feedback hanging off it. */
async function lessonWithEverything(q: Sql, runId: string, platform: string, tenant: string, channel: string): Promise<string> {
  const [row] = await q.query(
    `INSERT INTO lessons (tenant, title, recommendation, technique, source_platform, source_channel, run_id, draft_key, created_at)
     VALUES ($1, 'A lesson', 'Do it', 'after-action-review', $2, $3, $4, 'd1', $5) RETURNING id`,
    [tenant, platform, channel, runId, AT],
  );
  const lesson = String(row?.id);
  await q.query(`INSERT INTO lesson_events (lesson_id, tenant, kind, actor, at) VALUES ($1, $2, 'validated', $3, $4)`, [lesson, tenant, who(platform, tenant), AT]);
  await q.query(
    `INSERT INTO lesson_actions (tenant, lesson_id, place, text, owner, owner_id, due_on, remind_at, time_zone, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, 'Buy labels', $4, 'U1', '2026-12-01', $5, 'Europe/London', $4, $5, $5)`,
    [tenant, lesson, place(platform, tenant, channel), who(platform, tenant), AT],
  );
  await q.query(`INSERT INTO lesson_recalls (run_id, lesson_id, tenant, position, recalled_at) VALUES ($1, $2, $3, 1, $4)`, [runId, lesson, tenant, AT]);
  await q.query(`INSERT INTO lesson_feedback (lesson_id, run_id, person_id, tenant, useful, at) VALUES ($1, $2, 'U1', $3, true, $4)`, [lesson, runId, tenant, AT]);
  return lesson;
}

const ORGANISATION_TABLES = ['flow_runs', 'lessons', 'lesson_events', 'lesson_actions', 'lesson_recalls', 'lesson_feedback', 'communities', 'coffee_programmes'];

async function tenants(q: Sql): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ORGANISATION_TABLES) out[table] = (await q.query(`SELECT tenant FROM ${table} ORDER BY tenant`)).map((r) => String(r.tenant));
  return out;
}

describe.each(dbKinds)('migration 009 on %s Postgres with rows already in it', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db, readMigrations().filter((m) => m.version < '009'));
    const q = t.db;
    // The address book knows each Teams channel's team (the chat has none).
    for (const [channel, teamId] of [['chan-a', TEAM_A], ['chan-b', TEAM_B]]) {
      await q.query(`INSERT INTO platform_addresses (platform, tenant, key, address, updated_at) VALUES ('teams', $1, $2, $3, $4)`, [
        ENTRA, `conversation:${channel}`, JSON.stringify({ serviceUrl: 'https://smba.example/', channelId: 'msteams', bot: { id: '28:bot' }, conversationId: channel, conversationType: 'channel', teamId }), AT,
      ]);
    }
    const slackRun = await run(q, 'slack', 'T1', 'C1');
    await lessonWithEverything(q, slackRun, 'slack', 'T1', 'C1');
    const teamRun = await run(q, 'teams', ENTRA, 'chan-a');
    await lessonWithEverything(q, teamRun, 'teams', ENTRA, 'chan-a');
    const chatRun = await run(q, 'teams', ENTRA, 'a:personal-sam');
    await lessonWithEverything(q, chatRun, 'teams', ENTRA, 'a:personal-sam');
    await q.query(
      `INSERT INTO lessons (tenant, import_key, title, recommendation, technique, source_platform, source_channel, created_at)
       VALUES ($1, 'k1', 'Imported', 'Do it', 'import', 'import', 'lessons.csv', $2)`,
      [ENTRA, AT],
    );
    await q.query(
      `INSERT INTO coffee_programmes (id, tenant, place, place_key, organiser, settings, anchor_round, anchor_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'teams:chan-b', $4, '{}', 1, $5, $5, $5)`,
      [randomUUID(), ENTRA, place('teams', ENTRA, 'chan-b'), who('teams', ENTRA), AT],
    );
    for (const [tenant, platform, channel] of [['T1', 'slack', 'C1'], [ENTRA, 'teams', 'chan-a']] as const) {
      await q.query(
        `INSERT INTO communities (id, tenant, place, place_key, name, tags, owner, owner_id, digest, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'Sepsis', '{sepsis}', $5, 'U1', '{}', $6, $6)`,
        [randomUUID(), tenant, place(platform, tenant, channel), `${platform}:${channel}`, who(platform, tenant), AT],
      );
    }
    await migrate(t.db);
  });
  afterAll(() => t.drop());

  it("keeps every row, Slack's where they were, Teams channels' under their team, chats' and imports' under the tenant", async () => {
    expect(await tenants(t.db)).toEqual({
      flow_runs: [ENTRA, TEAM_A, 'T1'].sort(),
      lessons: [ENTRA, ENTRA, TEAM_A, 'T1'].sort(),
      lesson_events: [ENTRA, TEAM_A, 'T1'].sort(),
      lesson_actions: [ENTRA, TEAM_A, 'T1'].sort(),
      lesson_recalls: [ENTRA, TEAM_A, 'T1'].sort(),
      lesson_feedback: [ENTRA, TEAM_A, 'T1'].sort(),
      communities: [TEAM_A, 'T1'].sort(),
      coffee_programmes: [TEAM_B],
    });
  });

  it('starts with no registered organisations: every workspace and team is its own', async () => {
    expect(await t.db.query('SELECT count(*)::int AS n FROM organisations')).toEqual([{ n: 0 }]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM organisation_members')).toEqual([{ n: 0 }]);
  });
});
