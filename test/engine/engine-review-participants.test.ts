// A review saved through the engine: each lesson is its own record, and who took part is kept with the review.
import { afterActionReview } from '../../flows/after-action-review';
import { Engine, type AnyFlow } from '../../src/engine/engine';
import { createLogger } from '../../src/log';
import { listLessons } from '../../src/store/lessons';
import { searchLessons } from '../../src/store/lesson-search';
import { migrate } from '../../src/store/migrate';
import { lessonReviews } from '../../src/store/review-participants';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { command, person, reply } from '../support/events';
import { RecordingChat } from '../support/recording-chat';

const now = new Date('2026-11-21T10:00:00Z');

describe.each(dbKinds)('engine: saving a review on %s Postgres', (kind) => {
  let t: TestDatabase;
  let engine: Engine;
  let chat: RecordingChat;

  beforeEach(async () => {
    t = await freshDatabase(kind, 6);
    await migrate(t.db);
    chat = new RecordingChat();
    engine = new Engine({ db: t.db, flows: [afterActionReview as AnyFlow], chat: () => chat, clock: () => now, log: createLogger('silent') });
  });
  afterEach(() => t.drop());

  it('saves lessons that are each their own record, and the review its participants', async () => {
    await engine.handle(command('aar', 'Go-live on Ward 7', person('fran')));
    const parent = chat.sent[0];
    if (parent?.op !== 'post') throw new Error('no parent post');
    const say = (who: string, text: string): Promise<unknown> => engine.handle(reply(parent.id, text, person(who)));
    await say('alex', 'Orders would print on the ward as before');
    await say('fran', 'next');
    await say('alex', 'The printer queue stalled at nine');
    await say('sam', 'Night staff had no log-ins ready');
    await say('fran', 'next');
    await say('sam', 'Nobody owned the printer queue');
    await say('jo', 'Log-in requests went in late');
    await say('fran', 'next');
    await say('sam', 'Name a printer queue owner for every go-live');
    await say('jo', 'Request log-ins two weeks early');
    await say('kim', 'Keep paper charts for the first weekend');
    await say('lee', 'Buy a spare printer');
    await say('fran', 'finish');
    await say('fran', 'drop 4');
    await say('fran', 'save');

    const lessons = await listLessons(t.db, { tenant: 'T1' });
    expect(lessons.map((l) => [l.title, l.contributors.map((c) => c.id)]).sort()).toEqual([
      ['Keep paper charts for the first weekend', ['kim']],
      ['Name a printer queue owner for every go-live', ['sam', 'alex']],
      ['Request log-ins two weeks early', ['jo', 'sam']],
    ]);
    // "/lessons printer queue" finds the one lesson about it, not every lesson of the review.
    const hits = await searchLessons(t.db, 'T1', { text: 'printer queue', tags: [] });
    expect(hits.map((h) => h.lesson.title)).toEqual(['Name a printer queue owner for every go-live']);

    const reviews = await lessonReviews(t.db, 'T1', lessons.map((l) => l.id));
    expect(new Set(reviews.map((r) => r.reviewId)).size).toBe(1);
    expect(reviews[0]?.participants.map((p) => p.id)).toEqual(['fran', 'alex', 'sam', 'jo', 'kim', 'lee']);
  });
});
