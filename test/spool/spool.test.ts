// The spool's promises: what it accepted is applied, in order per place, through an outage and a restart; at its limit it refuses clearly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NotAccepted } from '../../src/core/inbound-handler';
import type { Inbound } from '../../src/core/model';
import { createLogger } from '../../src/log';
import { DatabaseUnavailable } from '../../src/store/database-errors';
import { openSpool } from '../../src/spool/open-spool';
import type { Spool, SpoolOptions } from '../../src/spool/spool';
import { Journal } from '../../src/spool/journal';

const logger = createLogger('silent');
const place = (channel: string) => ({ platform: 'slack' as const, tenant: 'T1', channel, thread: '1.0' });
const person = { platform: 'slack' as const, tenant: 'T1', id: 'U1' };
const reply = (channel: string, n: number): Inbound => ({
  kind: 'reply', text: `answer ${n}`, from: person, place: place(channel), deliveryId: `d-${channel}-${n}`, messageId: `m-${n}`,
});
const command = (n: number): Inbound => ({ kind: 'command', name: 'aar', text: `Review ${n}`, from: person, place: place('C9'), deliveryId: `c-${n}` });

/** A stand-in database the test switches off and on; it records what was applied, in order. */
class Database {
  up = true;
  applied: string[] = [];
  inHand = 0;
  maxInHand = 0;
  batches: number[] = [];
  async apply(events: Inbound[]): Promise<void> {
    this.inHand += events.length;
    this.maxInHand = Math.max(this.maxInHand, this.inHand);
    await new Promise((resolve) => setImmediate(resolve));
    this.inHand -= events.length;
    if (!this.up) throw new DatabaseUnavailable('connect ECONNREFUSED');
    this.batches.push(events.length);
    // One per place in a batch, as the engine's single transaction relies on.
    expect(new Set(events.map((e) => e.place.channel)).size).toBe(events.length);
    this.applied.push(...events.map((e) => e.deliveryId));
  }
}

/** Retry waits the test releases by hand: time moves only when it says so. */
class Waits {
  private pending: (() => void)[] = [];
  wait = (): Promise<void> => new Promise((resolve) => this.pending.push(resolve));
  get count(): number {
    return this.pending.length;
  }
  release(): void {
    const all = this.pending;
    this.pending = [];
    for (const resolve of all) resolve();
  }
}

describe('the spool', () => {
  let dir = '';
  let spool: Spool | undefined;
  const told: string[] = [];
  const db = new Database();
  const waits = new Waits();

  const open = (opts: Partial<SpoolOptions> = {}): Promise<Spool> =>
    openSpool(dir, {
      apply: (events) => db.apply(events),
      tell: async (e, what) => void told.push(`${what}:${e.deliveryId}`),
      logger,
      wait: waits.wait,
      ...opts,
    });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobilise-spool-'));
    db.up = true;
    db.applied = [];
    db.maxInHand = 0;
    db.batches = [];
    told.length = 0;
  });
  afterEach(async () => {
    await spool?.close(0);
    spool = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies what it accepted in order for each place, several places at once and in batches', async () => {
    spool = await open({ concurrency: 2, batchSize: 2 });
    const events = [1, 2, 3, 4, 5].flatMap((n) => ['C1', 'C2', 'C3'].map((c) => reply(c, n)));
    await Promise.all(events.map((e) => spool?.handle(e)));
    await spool.settled();
    expect([...db.applied].sort()).toEqual(events.map((e) => e.deliveryId).sort());
    for (const c of ['C1', 'C2', 'C3']) expect(db.applied.filter((d) => d.startsWith(`d-${c}-`))).toEqual([1, 2, 3, 4, 5].map((n) => `d-${c}-${n}`));
    expect(db.maxInHand).toBeGreaterThan(1);
    expect(db.maxInHand).toBeLessThanOrEqual(4);
    expect(Math.max(...db.batches)).toBe(2);
  });

  it('keeps everything through an outage, probes one at a time, then applies it all in order', async () => {
    spool = await open();
    db.up = false;
    await spool.handle(reply('C1', 1));
    await waitFor(() => waits.count === 1);
    expect(spool.databaseUnavailable).toBe(true);
    for (const n of [2, 3]) await spool.handle(reply('C1', n));
    await spool.handle(command(1));
    // A person waiting on an answer hears at once that it is kept; replies are simply kept.
    expect(told).toEqual(['kept:c-1']);
    waits.release();
    await waitFor(() => waits.count === 1);
    expect(db.maxInHand).toBe(1);
    expect(db.applied).toEqual([]);
    db.up = true;
    waits.release();
    await spool.settled();
    expect(db.applied.filter((d) => d.startsWith('d-C1'))).toEqual(['d-C1-1', 'd-C1-2', 'd-C1-3']);
    expect(db.applied).toContain('c-1');
    expect(spool.databaseUnavailable).toBe(false);
  });

  it('refuses beyond its limit: a command is told to send again, a reply is left for the platform to resend', async () => {
    db.up = false;
    spool = await open({ limit: 2 });
    await spool.handle(reply('C1', 1));
    await spool.handle(reply('C1', 2));
    await expect(spool.handle(reply('C1', 3))).rejects.toEqual(expect.objectContaining({ senderTold: false }));
    const refused = await spool.handle(command(1)).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(NotAccepted);
    expect((refused as NotAccepted).senderTold).toBe(true);
    expect(told).toEqual(['send-again:c-1']);
    expect(spool.backlog).toBe(2);
  });

  it('holds an ack back while the backlog is over its high-water mark, until the database catches up', async () => {
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    spool = await open({ highWater: 1, maxAckDelayMs: 60_000, apply: async (events) => {
      await gate;
      await db.apply(events);
    } });
    await spool.handle(reply('C1', 1));
    let second = false;
    const acked = spool.handle(reply('C2', 1)).then(() => (second = true));
    await waitFor(() => false === second && spool?.backlog === 1);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false);
    openGate();
    await acked;
    await spool.settled();
    expect(db.applied).toEqual(['d-C1-1', 'd-C2-1']);
  });

  it('hands what it still held to the next start, in order, and nothing twice', async () => {
    db.up = false;
    spool = await open();
    for (const n of [1, 2, 3]) await spool.handle(reply('C1', n));
    await spool.close(0);
    await expect(spool.handle(reply('C1', 4))).rejects.toBeInstanceOf(NotAccepted);
    db.up = true;
    spool = await open();
    await spool.settled();
    expect(db.applied).toEqual(['d-C1-1', 'd-C1-2', 'd-C1-3']);
    await spool.close(0);
    spool = await open();
    await spool.settled();
    expect(db.applied).toHaveLength(3);
  });

  it('skips a kept entry that does not read back as an event, and applies the rest', async () => {
    const { journal } = await Journal.open({ dir, log: logger });
    await journal.append({ kind: 'reply', text: 'no place or person' });
    await journal.append(reply('C1', 1));
    await journal.close();
    spool = await open();
    await spool.settled();
    expect(db.applied).toEqual(['d-C1-1']);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never held');
}
