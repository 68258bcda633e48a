// An answer longer than a few paragraphs is not kept: its author hears the limit and gets every character back.
import { afterActionReview } from '../../flows/after-action-review';
import { ANSWER_MAX_LENGTH } from '../../flows/shared/answers';
import { NOW, replyEdited, reply } from '../support/flow-events';
import { Run as AarRun } from './after-action-review/harness';
import { Run as BarRun } from './before-action-review/harness';
import { cardText, sam, whispers } from './shared-harness';

const long = `${'The printer queue stalled at handover. '.repeat(130)}End.`;

describe('the length of an answer', () => {
  it('is a few paragraphs, and fits a Slack section with room to spare', () => {
    expect(ANSWER_MAX_LENGTH).toBe(2000);
    expect(long.length).toBeGreaterThan(5000);
  });

  it.each([
    ['an AAR', () => new AarRun()],
    ['a BAR', () => new BarRun()],
  ])('in %s: a reply over the limit is not kept, and its author is told and given it back whole', (_, start) => {
    const run = start();
    const step = run.answer(sam, long, 'm1');
    expect(run.state.answers).toEqual([]);
    const [told] = whispers(step);
    expect(told?.to).toEqual(sam);
    const text = cardText(told?.card ?? { text: '', blocks: [] });
    expect(text).toContain(`Answers can be up to 2,000 characters, and that one has ${long.trim().length.toLocaleString('en-GB')}`);
    expect(text).toContain(long.trim());
    // Each piece fits a Slack section.
    for (const block of told?.card.blocks ?? []) if (block.type === 'paragraph') expect(block.text.length).toBeLessThanOrEqual(3000);
  });

  it('keeps an answer of exactly the limit, and keeps the earlier answer when an edit goes over', () => {
    const run = new AarRun();
    const exact = 'x'.repeat(ANSWER_MAX_LENGTH);
    run.answer(sam, exact, 'm1');
    expect(run.state.answers.map((a) => a.text)).toEqual([exact]);
    const step = run.send(replyEdited(sam, long, 'm1'));
    expect(run.state.answers.map((a) => a.text)).toEqual([exact]);
    expect(cardText(whispers(step)[0]?.card ?? { text: '', blocks: [] })).toContain("so I've kept your answer as it was before");
  });

  it('is checked on the engine’s quick path for replies too', () => {
    const collection = afterActionReview.collection;
    if (!collection) throw new Error('the AAR collects its answers');
    const rest = collection.restSchema.parse({ ...new AarRun().state, answers: undefined });
    const addition = collection.add(rest, reply(sam, long, 'm9'), NOW);
    expect(addition?.add).toBeUndefined();
    expect(addition?.say.map((s) => s.kind)).toEqual(['whisper']);
  });
});
