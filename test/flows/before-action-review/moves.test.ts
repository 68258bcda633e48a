import { ACTIONS, KEYS } from '../../../flows/before-action-review';
import { action, reply, replyEdited } from '../../support/flow-events';
import { Run, alex, cardText, first, fran, postOf, sam, whispers } from './harness';

describe('moving a Before Action Review on', () => {
  it('goes through the four questions with Next question, then Finish on the last', () => {
    const run = new Run();
    for (const index of [1, 2, 3]) {
      const step = run.advance();
      expect(run.state.question).toBe(index);
      expect(postOf(step, KEYS.question(index))).toBeDefined();
    }
    const q4 = postOf(run.steps.at(-1) ?? { say: [] }, KEYS.question(3));
    expect(cardText(q4 ?? { text: '', blocks: [] })).toContain('[Finish]');
    expect(cardText(q4 ?? { text: '', blocks: [] })).toContain('@Sam check the printer queues by 12 December');
  });

  it('treats Next after question 4 as Finish', () => {
    const run = new Run();
    run.advanceTo(3);
    const step = run.send(reply(fran, 'next', 'm1'));
    expect(step.done).toBe(true);
    expect(run.state.phase).toBe('finished');
  });

  it('refuses presses by anyone but the facilitator, privately, changing nothing', () => {
    const run = new Run();
    const before = run.state;
    const step = run.send(action(sam, ACTIONS.next, '0'));
    expect(run.state).toEqual(before);
    expect(step.recall).toBeUndefined();
    expect(step.say).toHaveLength(1);
    expect(first(whispers(step)).to).toEqual(sam);
    expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>, who is facilitating, can use these buttons.');
    expect(run.send(action(alex, ACTIONS.cancel, '0')).done).toBeUndefined();
    expect(run.state.phase).toBe('asking');
  });

  it('refuses typed commands by anyone but the facilitator, and does not record them as answers', () => {
    const run = new Run();
    const step = run.send(reply(sam, 'finish', 'm1'));
    expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>, who is facilitating, can move the review on.');
    expect(run.state.phase).toBe('asking');
    expect(run.state.answers).toEqual([]);
  });

  it('ignores a late or double press on an earlier question, telling the facilitator why', () => {
    const run = new Run();
    run.advance();
    for (const id of [ACTIONS.next, ACTIONS.cancel]) {
      const step = run.send(action(fran, id, '0'));
      expect(run.state).toMatchObject({ question: 1, phase: 'asking' });
      expect(step.recall).toBeUndefined();
      expect(cardText(first(whispers(step)).card)).toContain('already moved on to question 2 of 4');
    }
    // A Finish from a question not yet reached, or a button without its question, is no better.
    expect(cardText(first(whispers(run.send(action(fran, ACTIONS.finish, '3')))).card)).toContain('question 2 of 4');
    expect(cardText(first(whispers(run.send(action(fran, ACTIONS.next)))).card)).toContain('question 2 of 4');
    expect(run.state.question).toBe(1);
  });

  it("ignores other flows' buttons and the AAR's typed words", () => {
    const run = new Run();
    expect(run.send(action(fran, 'aar:next', '0')).say).toEqual([]);
    run.answer(fran, 'save', 'm1');
    expect(run.state.answers.map((a) => a.text)).toEqual(['save']);
  });
});

describe('answers in the thread', () => {
  it('records each reply once, against the open question, with its author', () => {
    const run = new Run();
    run.answer(alex, 'Go live on 10 March', 'm1');
    run.answer(alex, 'Go live on 10 March', 'm1');
    run.answer(sam, '   ', 'm2');
    run.advance();
    run.answer(sam, 'Ward 7 did this last year', 'm3');
    expect(run.state.answers.map((a) => [a.messageId, a.question, a.author.id, a.text])).toEqual([
      ['m1', 0, 'U-ALEX', 'Go live on 10 March'],
      ['m3', 1, 'U-SAM', 'Ward 7 did this last year'],
    ]);
  });

  it('masks an NHS number, tells only its author, and thanks them when they rephrase', () => {
    const run = new Run();
    run.advanceTo(3);
    const step = run.answer(sam, 'Check 943 476 5919 has a paper chart', 'm1');
    expect(run.state.answers[0]).toMatchObject({ text: 'Check [NHS number removed] has a paper chart', flagged: true });
    const held = first(whispers(step));
    expect(held.to).toEqual(sam);
    expect(cardText(held.card)).toContain('question 4 seems to contain an NHS number');
    expect(cardText(held.card)).toContain("it won't become an action");
    expect(cardText(held.card)).toContain('edit your message');

    const fixed = run.send(replyEdited(sam, 'Check bay 3 has a paper chart', 'm1'));
    expect(run.state.answers[0]).toMatchObject({ text: 'Check bay 3 has a paper chart', flagged: false });
    expect(cardText(first(whispers(fixed)).card)).toContain('is fine now and will be used');
    expect(run.said()).not.toMatch(/943|5919/);
    expect(JSON.stringify(run.state)).not.toMatch(/943|5919/);
  });

  it('explains that a held-back answer to question 1 is not used to find past lessons', () => {
    const run = new Run();
    const step = run.answer(alex, 'Move 9434765919 first', 'm1');
    expect(cardText(first(whispers(step)).card)).toContain("won't be used to find past lessons");
  });
});
