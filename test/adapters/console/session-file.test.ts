// The sandbox carries on after a restart: threads, message numbers, people and the clock /later moved, from a real file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reaction } from './harness';
import { sandbox } from './harness';

const general = { platform: 'console' as const, tenant: 'local', channel: 'general' };

/** Plays the bot: /aar opens a thread with a card in it, and a reply is acknowledged in the thread. */
const react: Reaction = async (event, chat) => {
  if (event.kind === 'command') {
    const posted = await chat.post(general, { text: `Review: ${event.text}`, blocks: [] });
    if ('id' in posted) await chat.post({ ...general, thread: posted.id }, { text: 'Question 1', blocks: [] });
  }
};

async function sitting(file: string, lines: string[], tag: string, later?: (ms: number) => Promise<Date>) {
  const box = sandbox(react, [], { sessionFile: file, sessionTag: tag, ...(later ? { later } : {}) });
  const running = box.run();
  box.type(...lines);
  box.input.end();
  await running;
  return box;
}

describe('the sandbox across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobilise-sandbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its threads, numbering, speaker and clock, so replies still reach the review', async () => {
    const file = path.join(dir, 'data', 'sandbox-session.json');
    const first = await sitting(file, ['/as Priya', '/aar Go-live', 'first answer', '/later 2 days'], 'one', async () => new Date('2026-12-04T10:00:00Z'));
    const [reply] = first.handler.events.filter((e) => e.kind === 'reply');
    expect(reply?.place.thread).toBeDefined();

    const second = await sitting(file, ['second answer', '/thread'], 'two');
    expect(second.movedOnMs).toBe(2 * 24 * 60 * 60 * 1000);
    expect(second.output()).toContain('Carrying on from last time: 1 thread');
    const [again] = second.handler.events.filter((e) => e.kind === 'reply');
    // Same thread, same speaker, and numbers carry on from the first sitting rather than restarting at #1.
    expect(again).toMatchObject({ place: reply?.place, from: { id: 'priya' } });
    expect(second.output()).toMatch(/#4\b/);
    expect(second.output()).not.toMatch(/no threads/i);
  });

  it('starts afresh, saying why, when the saved file cannot be read', async () => {
    const file = path.join(dir, 'sandbox-session.json');
    writeFileSync(file, '{"speaker": 42');
    const box = await sitting(file, ['hello'], 'three');
    expect(box.output()).toContain(`The saved sandbox in ${file} could not be read`);
    // The next save replaces it with a readable one.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ speaker: 'alex' });
  });
});
