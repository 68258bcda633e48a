// A community of practice through the real Bolt receiver, on the real database, with Slack faked on loopback and
// time moved by the test: /cop create, the Monday 09:00 digest in the channel, and a quiet week's one line.
import { addAction, addLesson, person } from '../communities/week-fixture';
import { dbKinds, type DbKind } from '../support/databases';
import type { RecordedCall } from '../support/fake-slack-api';
import { textOf, useSlackE2e } from '../support/mobilise-slack';

const MONDAY = new Date('2026-11-23T09:00:00Z'); // 09:00 in London (GMT)
const WEEK = 7 * 24 * 60 * 60 * 1000;

describe.each(dbKinds)('a community of practice in Slack, end to end (%s Postgres)', (kind: DbKind) => {
  let now = new Date('2026-11-21T12:00:00Z'); // Saturday
  const e2e = useSlackE2e(kind, { clock: () => now, cron: false });
  const { posted, whispersTo } = e2e;

  async function cop(text: string, user: string): Promise<string> {
    const before = whispersTo(user).length;
    expect((await e2e.slack.slash('/cop', text, user, user.toLowerCase())).status).toBe(200);
    await e2e.api.waitFor(() => whispersTo(user).length > before);
    return textOf(whispersTo(user).at(-1) as RecordedCall);
  }
  async function at(time: Date): Promise<number> {
    now = time;
    return e2e.app.scheduler.tick();
  }

  it('creates a community and posts its weekly digest, then a quiet week’s one line', async () => {
    expect(await cop('create Discharge and handover #Handover #discharge', 'U1')).toMatch(/first digest comes on Monday 23 November at 09:00/);
    await e2e.api.waitFor(() => posted('C1').length === 1);
    expect(textOf(posted('C1')[0] as RecordedCall)).toMatch(/<@U1> has made this channel a community of practice/);
    // Slack sends an escaped mention; only the owner may hand the community on.
    expect(await cop('owner <@U2>', 'U2')).toMatch(/Only <@U1>/);
    expect(await cop('status', 'U2')).toMatch(/looked after by <@U1>\. Its domain: #handover #discharge/);

    // The week: a lesson in the domain, one outside it, and an overdue action from the domain lesson.
    const lesson = await addLesson(e2e.app.db, { title: 'Ring the ward before a late discharge', tags: ['discharge'], at: new Date('2026-11-19T15:00:00Z'), contributors: [{ id: 'U3' }] });
    await addLesson(e2e.app.db, { title: 'Order more printer paper', tags: ['estates'], at: new Date('2026-11-19T15:00:00Z') });
    await addAction(e2e.app.db, { lessonId: lesson, text: 'Put the ward numbers on the discharge board', owner: person('U4'), dueOn: '2026-11-20' });

    // (The scheduler also runs the action's own reminder; only the channel is watched here.)
    await at(new Date(MONDAY.getTime() - 60_000));
    await e2e.app.engine.delivery.sweep();
    expect(posted('C1')).toHaveLength(1);
    await at(MONDAY);
    await e2e.api.waitFor(() => posted('C1').length === 2);
    const digest = textOf(posted('C1')[1] as RecordedCall);
    expect(digest).toMatch(/Weekly digest: Discharge and handover/);
    expect(digest).toMatch(/Ring the ward before a late discharge/);
    expect(digest).toMatch(/Put the ward numbers on the discharge board \(from “Ring the ward before a late discharge”\): <@U4>, overdue since Friday 20 November/);
    expect(digest).toMatch(/Thank you to <@U3>/);
    expect(digest).not.toMatch(/printer paper/);
    // Every replica ticks every minute; the week's digest goes once.
    await at(new Date(MONDAY.getTime() + 60_000));

    // The action is done, nothing new arrives: the next Monday gets one line.
    await e2e.app.db.query("UPDATE lesson_actions SET status = 'done', closed_at = $1", [new Date('2026-11-20T10:00:00Z')]);
    await at(new Date(MONDAY.getTime() + WEEK));
    await e2e.api.waitFor(() => posted('C1').length === 3);
    const quiet = posted('C1')[2] as RecordedCall;
    expect(quiet.body.text).toBe('A quiet week in Discharge and handover: nothing new in #handover #discharge in the week to Monday 30 November. Lessons saved with these tags will show up here.');
    await e2e.app.engine.delivery.sweep();
    expect(posted('C1')).toHaveLength(3);
  });
});
