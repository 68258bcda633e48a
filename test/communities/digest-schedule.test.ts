// The weekly digest as a scheduled step on both databases: due at the community's slot, run exactly once by two
// schedulers, caught up after downtime with the newest missed week only, and the owner asked the reviewing
// questions after eight quiet weeks and not again within eight.
import { randomUUID } from 'node:crypto';
import { copService } from '../../src/communities/cop-service';
import { communityDigests } from '../../src/communities/digest-schedule';
import type { Inbound } from '../../src/core/model';
import { createLogger } from '../../src/log';
import { Scheduler } from '../../src/scheduler/scheduler';
import type { Db } from '../../src/store/db';
import { activeCommunityAt } from '../../src/store/communities';
import { migrate } from '../../src/store/migrate';
import { openServerDb } from '../../src/store/pg-db';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { addLesson, person } from './week-fixture';

const at = (iso: string): Date => new Date(iso);

describe.each(dbKinds)('community digests as scheduled steps on %s Postgres', (kind) => {
  let t: TestDatabase;
  let other: Db;
  let now: Date;
  beforeEach(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    // A second replica: its own pool on the server; PGlite has one backend, so the same database.
    other = kind === 'server' && t.url !== undefined ? openServerDb(t.url, 2) : t.db;
  });
  // The database is dropped even if closing the second pool throws; neither is there if beforeEach stopped early.
  afterEach(async () => {
    try {
      if (other !== undefined && other !== t?.db) await other.close();
    } finally {
      await t?.drop();
    }
  });

  const scheduler = (db: Db, replica: string): Scheduler =>
    new Scheduler({ db, clock: () => now, log: createLogger('silent'), sources: [communityDigests()], replica, deliver: async () => undefined });

  async function create(text: string, channel: string, when: Date, user = 'U1'): Promise<string> {
    const event: Inbound = { kind: 'command', name: 'cop', text, from: person(user), place: { platform: 'slack', tenant: 'T1', channel }, deliveryId: randomUUID() };
    await t.db.transaction((tx) => copService.handle(tx, event, when));
    return (await activeCommunityAt(t.db, `slack:T1:${channel}`))?.id ?? '';
  }
  async function command(text: string, channel: string, when: Date, user = 'U1'): Promise<void> {
    const event: Inbound = { kind: 'command', name: 'cop', text, from: person(user), place: { platform: 'slack', tenant: 'T1', channel }, deliveryId: randomUUID() };
    await t.db.transaction((tx) => copService.handle(tx, event, when));
  }
  /** The digest and review messages written so far, as [kind, slot] from their dedupe keys. */
  async function written(id: string): Promise<string[]> {
    const rows = await t.db.query("SELECT dedupe_key FROM outbox WHERE stream = $1 AND dedupe_key ~ ':(digest|review):' ORDER BY id", [`cop:${id}`]);
    return rows.map((r) => String(r.dedupe_key).replace(`cop:${id}:`, ''));
  }

  it('posts at the slot, once, even when two replicas tick together', async () => {
    const id = await create('create Sepsis champions #sepsis', 'C1', at('2026-11-02T10:00:00Z'));
    const [a, b] = [scheduler(t.db, 'a'), scheduler(other, 'b')];
    now = at('2026-11-09T08:59:00Z');
    expect(await a.tick()).toBe(0);
    now = at('2026-11-09T09:00:00Z');
    const ran = await Promise.all([a.tick(), b.tick()]);
    expect(ran[0] + ran[1]).toBe(1);
    now = at('2026-11-09T09:01:00Z');
    expect((await Promise.all([a.tick(), b.tick()])).reduce((x, y) => x + y, 0)).toBe(0);
    expect(await written(id)).toEqual(['digest:2026-11-09T09:00:00.000Z']);
    const [quiet] = await t.db.query("SELECT message->'to' AS to, message->'card'->>'text' AS text FROM outbox WHERE dedupe_key LIKE '%:digest:%'");
    expect(quiet).toEqual({
      to: { place: { platform: 'slack', tenant: 'T1', channel: 'C1' } },
      text: 'A quiet week in Sepsis champions: nothing new in #sepsis in the week to Monday 9 November. Lessons saved with these tags will show up here.',
    });
    expect(await t.db.query("SELECT count(*)::int AS n FROM job_claims WHERE job LIKE 'cop:%'")).toEqual([{ n: 1 }]);
  });

  it('after downtime posts only the newest missed week', async () => {
    const id = await create('create Sepsis champions #sepsis', 'C1', at('2026-11-02T10:00:00Z'));
    const s = scheduler(t.db, 'a');
    // Down from before 9 November until Wednesday 2 December: three Mondays missed.
    now = at('2026-12-02T12:00:00Z');
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect(await written(id)).toEqual(['digest:2026-11-30T09:00:00.000Z']);
  });

  it('keeps local time across the clocks going back, and never posts a week the new time has already passed', async () => {
    const id = await create('create Sepsis champions #sepsis', 'C1', at('2026-10-13T10:00:00Z'));
    const s = scheduler(t.db, 'a');
    for (const tick of ['2026-10-19T08:00:00Z', '2026-10-26T08:00:00Z', '2026-10-26T09:00:00Z']) {
      now = at(tick);
      await s.tick();
    }
    expect(await written(id)).toEqual(['digest:2026-10-19T08:00:00.000Z', 'digest:2026-10-26T09:00:00.000Z']);
    // On Wednesday the owner moves the digest to Fridays 16:00; last Friday is not posted, this Friday is.
    await command('digest friday 16:00', 'C1', at('2026-10-28T12:00:00Z'));
    now = at('2026-10-28T12:01:00Z');
    expect(await s.tick()).toBe(0);
    now = at('2026-10-30T16:00:00Z');
    expect(await s.tick()).toBe(1);
    expect((await written(id)).at(-1)).toBe('digest:2026-10-30T16:00:00.000Z');
  });

  it('stops with the archive', async () => {
    const id = await create('create Sepsis champions #sepsis', 'C1', at('2026-11-02T10:00:00Z'));
    await command('archive', 'C1', at('2026-11-05T10:00:00Z'));
    now = at('2026-11-09T09:00:00Z');
    expect(await scheduler(t.db, 'a').tick()).toBe(0);
    expect(await written(id)).toEqual([]);
  });

  it('asks the owner to review after eight quiet weeks, not again within eight, and never a busy community', async () => {
    const quiet = await create('create Sepsis champions #sepsis', 'C1', at('2026-09-01T10:00:00Z'));
    const busy = await create('create Handover #handover', 'C2', at('2026-09-01T10:00:00Z'), 'U2');
    await addLesson(t.db, { title: 'Use the handover sheet', tags: ['handover'], at: at('2026-10-20T10:00:00Z') });
    const s = scheduler(t.db, 'a');
    const mondays = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-12-14', '2026-12-21', '2026-12-28'];
    for (const day of mondays) {
      now = at(`${day}T09:00:00Z`);
      expect(await s.tick()).toBe(2);
    }
    const reviews = (id: string) => written(id).then((keys) => keys.filter((k) => k.startsWith('review:')));
    // Eight weeks after creation (2 November), then eight weeks after asking (28 December).
    expect(await reviews(quiet)).toEqual(['review:2026-11-02T09:00:00.000Z', 'review:2026-12-28T09:00:00.000Z']);
    // Its lesson of 20 October keeps the other one going until eight weeks after it.
    expect(await reviews(busy)).toEqual(['review:2026-12-21T09:00:00.000Z']);
    const [asked] = await t.db.query("SELECT message FROM outbox WHERE dedupe_key LIKE '%:review:2026-11-02%'");
    const message = (asked as { message: { to: unknown; card: { text: string; blocks: { type: string; buttons?: { action: string; value: string }[] }[] } } }).message;
    expect(message.to).toEqual({ person: person('U1') });
    expect(message.card.text).toMatch(/Sepsis champions \(<#C1>\) has been quiet for 8 weeks.*Is it still relevant\? Should it evolve.*close it/);
    expect(message.card.blocks.find((b) => b.type === 'buttons')?.buttons).toEqual([
      expect.objectContaining({ action: 'cop:review:keep', label: 'Still relevant', value: quiet }),
      expect.objectContaining({ action: 'cop:review:evolve', label: 'Evolve it', value: quiet }),
      expect.objectContaining({ action: 'cop:review:archive', label: 'Close and archive', value: quiet }),
    ]);
    expect(await activeCommunityAt(t.db, 'slack:T1:C1')).toMatchObject({ reviewAskedAt: at('2026-12-28T09:00:00Z') });
  });
});
