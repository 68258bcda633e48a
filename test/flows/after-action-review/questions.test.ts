import { ACTIONS, KEYS } from '../../../flows/after-action-review';
import { QUESTIONS } from '../../../flows/after-action-review/questions';
import { action, reply } from '../../support/flow-events';
import { Run, alex, buttonsOf, cardText, defined, first, fran, postOf, posts, updateOf, whispers } from './harness';

describe('AAR questions', () => {
  it('asks the four questions in order, closing each one with its answer count', () => {
    const run = new Run();
    expect(cardText(defined(postOf(first(run.steps), KEYS.question(0))))).toContain(defined(QUESTIONS[0]).prompt);
    run.answer(alex, 'An easy go-live', 'm1');

    for (const index of [1, 2, 3]) {
      const step = run.advance();
      expect(run.state.question).toBe(index);
      const closed = defined(updateOf(step, KEYS.question(index - 1)));
      expect(buttonsOf(closed)).toEqual([]);
      expect(cardText(closed)).toContain(index === 1 ? 'Closed — 1 answer' : 'Closed — no answers');
      const open = defined(postOf(step, KEYS.question(index)));
      expect(cardText(open)).toContain(`Question ${index + 1} of 4`);
      expect(cardText(open)).toContain(defined(QUESTIONS[index]).prompt);
    }

    const last = defined(postOf(first(run.steps.slice(-1)), KEYS.question(3)));
    expect(buttonsOf(last).map((b) => [b.action, b.label])).toEqual([
      [ACTIONS.finish, 'Finish'],
      [ACTIONS.cancel, 'Cancel'],
    ]);
    expect(cardText(last)).toMatch(/becomes a proposed lesson/);
    expect(cardText(last)).toMatch(/one lesson per reply/);
  });

  it('finishes after question 4 with the summary', () => {
    const run = new Run();
    for (let i = 0; i < 3; i++) run.advance();
    const step = run.advance();
    expect(run.state.phase).toBe('review');
    expect(updateOf(step, KEYS.question(3))).toBeDefined();
    expect(posts(step).map((p) => [p.in, p.key])).toEqual([['thread', KEYS.summary]]);
  });

  it('lets only the facilitator press the buttons', () => {
    const run = new Run();
    const step = run.send(action(alex, ACTIONS.next, '0'));
    expect(step.state).toEqual(first(run.steps).state);
    expect(step.say).toHaveLength(1);
    expect(first(whispers(step)).to).toEqual(alex);
    expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>');
  });

  it('lets only the facilitator type next', () => {
    const run = new Run();
    const step = run.send(reply(alex, 'next', 'm1'));
    expect(run.state.question).toBe(0);
    expect(run.state.answers).toEqual([]);
    expect(first(whispers(step)).to).toEqual(alex);
    expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>');
  });

  it('moves on when the facilitator types next, in any case, without recording it', () => {
    const run = new Run();
    const step = run.send(reply(fran, '  Next ', 'm1'));
    expect(run.state.question).toBe(1);
    expect(run.state.answers).toEqual([]);
    expect(postOf(step, KEYS.question(1))).toBeDefined();
  });

  it('ignores a second press of an earlier question button, with a gentle word', () => {
    const run = new Run();
    run.send(action(fran, ACTIONS.next, '0'));
    const repeat = run.send(action(fran, ACTIONS.next, '0'));
    expect(run.state.question).toBe(1);
    expect(repeat.say).toHaveLength(1);
    expect(cardText(first(whispers(repeat)).card)).toContain('already moved on to question 2');
  });

  it('ignores a question button pressed after the questions have closed', () => {
    const run = new Run();
    for (let i = 0; i < 4; i++) run.advance();
    const late = run.send(action(fran, ACTIONS.finish, '3'));
    expect(run.state.phase).toBe('review');
    expect(cardText(first(whispers(late)).card)).toContain('summary is in the thread');
  });

  it('goes straight to the summary when the facilitator types finish early', () => {
    const run = new Run();
    run.answer(alex, 'A smooth switch-over', 'm1');
    const step = run.send(reply(fran, 'finish', 'm2'));
    expect(run.state.phase).toBe('review');
    expect(cardText(defined(updateOf(step, KEYS.question(0))))).toContain('Closed — 1 answer');
    expect(postOf(step, KEYS.summary)).toBeDefined();
  });
});

describe('cancelling an AAR', () => {
  it('cancels while asking, by button', () => {
    const run = new Run();
    run.answer(alex, 'A smooth switch-over', 'm1');
    const step = run.send(action(fran, ACTIONS.cancel, '0'));
    expect(step.done).toBe(true);
    expect(step.save).toBeUndefined();
    expect(run.state.phase).toBe('cancelled');
    expect(buttonsOf(defined(updateOf(step, KEYS.question(0))))).toEqual([]);
    expect(cardText(defined(updateOf(step, KEYS.overview)))).toContain('cancelled');
    expect(first(posts(step))).toMatchObject({ in: 'thread' });
    expect(cardText(first(posts(step)).card)).toContain('cancelled, and nothing was saved');
  });

  it('cancels by typing, but only for the facilitator', () => {
    const run = new Run();
    const refused = run.send(reply(alex, 'cancel', 'm1'));
    expect(run.state.phase).toBe('asking');
    expect(first(whispers(refused)).to).toEqual(alex);
    const step = run.send(reply(fran, 'CANCEL', 'm2'));
    expect(step.done).toBe(true);
    expect(run.state.phase).toBe('cancelled');
  });

  it('cancels from the summary, closing it without buttons', () => {
    const run = new Run();
    for (let i = 0; i < 4; i++) run.advance();
    const step = run.send(action(fran, ACTIONS.cancel));
    expect(step.done).toBe(true);
    expect(run.state.phase).toBe('cancelled');
    expect(buttonsOf(defined(updateOf(step, KEYS.summary)))).toEqual([]);
    expect(updateOf(step, KEYS.overview)).toBeDefined();
  });

  it('does nothing more once cancelled', () => {
    const run = new Run();
    run.send(action(fran, ACTIONS.cancel, '0'));
    const after = run.send(reply(alex, 'Late answer', 'm9'));
    expect(after.say).toEqual([]);
    expect(run.state.answers).toEqual([]);
  });
});
