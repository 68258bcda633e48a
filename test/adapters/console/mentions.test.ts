// Issue 12 item 7: a typed @Name of someone the sandbox knows reaches the core as the mention Slack and Teams send.
import { withMentions } from '../../../adapters/console/mentions';
import { beforeActionReview } from '../../../flows/before-action-review';
import type { Inbound, Person } from '../../../src/core/model';
import { NOW, action, place } from '../../support/flow-events';
import { play } from './harness';

const person = (id: string, name: string): Person => ({ platform: 'console', tenant: 'local', id, name });
const people = [person('alex', 'Alex'), person('sam', 'Sam'), person('sam-jones', 'Sam Jones'), person('zoe', 'Zoë')];

function textsOf(events: Inbound[]): string[] {
  return events.flatMap((e) => ('text' in e ? [e.text] : []));
}

describe('typed mentions in the console sandbox', () => {
  it.each([
    ['@Sam check the printer queues by 12 December', '<@sam> check the printer queues by 12 December'],
    ['@sam: check it', '<@sam>: check it'],
    ['ask @SAM and @alex.', 'ask <@sam> and <@alex>.'],
    ["@Sam Jones's rota", "<@sam-jones>'s rota"],
    ['thanks @Zoë!', 'thanks <@zoe>!'],
  ])('turns %j into %j', (typed, sent) => {
    expect(withMentions(typed, people)).toBe(sent);
  });

  it.each([
    ['@Priya check the queues'],
    ['@Samir check the queues'],
    ['email sam@nhs.net'],
    ['@ Sam'],
    ['@here'],
  ])('leaves %j as typed', (typed) => {
    expect(withMentions(typed, people)).toBe(typed);
  });

  it('sends replies, edits and commands with mentions, and shows the text as typed', async () => {
    const box = await play(['/as Dr Jones', '/as Alex', '@Sam check the printer queues', '/edit 1 @dr jones check them', '/cop owner @Sam', '@Kim hello']);
    expect(textsOf(box.handler.events)).toEqual(['<@sam> check the printer queues', '<@dr-jones> check them', 'owner <@sam>', '@Kim hello']);
    expect(box.output()).toContain('@Sam check the printer queues');
  });

  it("makes Sam the owner of a BAR action typed in the sandbox as \"@Sam check the printer queues by 12 December\"", async () => {
    const box = await play(['@Sam check the printer queues by 12 December']);
    const typed = box.handler.events.find((e) => e.kind === 'reply');
    if (typed?.kind !== 'reply') throw new Error('expected a reply');
    const alex = typed.from;
    let state = beforeActionReview.start({ text: 'Go-live on Ward 9', from: alex, place: place(), now: NOW }).state;
    if (!state) throw new Error('the review did not start');
    for (let q = 0; q < 3; q += 1) state = beforeActionReview.on(state, action(alex, 'bar:next', String(q)), NOW).state;
    state = beforeActionReview.on(state, { ...typed, place: place('T1') }, NOW).state;
    const finished = beforeActionReview.on(state, action(alex, 'bar:finish', '3'), NOW);
    expect(finished.actions?.map((a) => [a.owner.id, a.text, a.dueOn])).toEqual([['sam', 'Check the printer queues by 12 December', '2025-12-12']]);
  });
});
