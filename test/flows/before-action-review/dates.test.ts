// Issue 12 item 10: a date in question 4 that doesn't exist or has passed is kept as written, and its author is told.
import { KEYS } from '../../../flows/before-action-review';
import type { ActionDraft } from '../../../src/core/flow';
import { reply, replyEdited } from '../../support/flow-events';
import { dueDateOf } from '../../../flows/before-action-review/due-dates';
import { Run, alex, cardText, defined, postOf, sam, whispers } from './harness';

// NOW is Tuesday 4 March 2025, 10:00 in London; the two-week default is Tuesday 18 March.

function atActions(): Run {
  const run = new Run();
  run.advanceTo(3);
  return run;
}

function actionsOf(run: Run): ActionDraft[] {
  return run.steps.at(-1)?.actions ?? [];
}

describe('dates in question 4 that cannot be used', () => {
  it.each([
    ['<@U-SAM> check the printer queues by 31 February', '31 February', "There's no 31 February."],
    ['<@U-SAM> check the printer queues yesterday', 'yesterday', '3 March 2025 has already passed.'],
    ['<@U-SAM> check the printer queues by 1 March', '1 March', '1 March 2025 has already passed. If you mean 1 March 2026, please give the year.'],
    ['<@U-SAM> check the printer queues by 2025-03-01', '2025-03-01', '1 March 2025 has already passed.'],
  ])('keeps "%s" as written and tells its author what is wrong with "%s"', (text, words, problem) => {
    const run = atActions();
    const step = run.answer(alex, text, 'm1');
    expect(run.state.answers.at(-1)).toMatchObject({ messageId: 'm1', text, flagged: false });
    const told = whispers(step);
    expect(told).toHaveLength(1);
    expect(defined(told[0]).to).toEqual(alex);
    const said = cardText(defined(told[0]).card);
    expect(said).toContain(text);
    expect(said).toContain(`I can't use "${words}" as its due date. ${problem}`);
    expect(said).toContain('Please edit your message');
  });

  it("still makes the action, due two weeks on, and the summary says which date couldn't be used and why", () => {
    const run = atActions();
    run.answer(alex, '<@U-SAM> check the printer queues by 31 February', 'm1');
    const last = run.advance();
    expect(actionsOf(run)).toEqual([expect.objectContaining({ key: 'm1', owner: expect.objectContaining({ id: 'U-SAM' }), dueOn: '2025-03-18' })]);
    const summary = cardText(defined(postOf(last, KEYS.summary)));
    expect(summary).toContain(
      '1. Check the printer queues by 31 February\nOwner: <@U-SAM> · due Tuesday 18 March, two weeks on, ' +
        `as I couldn't use "31 February": There's no 31 February.`,
    );
  });

  it('uses the corrected date once the author edits the message, and thanks them', () => {
    const run = atActions();
    run.answer(alex, '<@U-SAM> check the printer queues by 31 February', 'm1');
    const edited = run.send(replyEdited(alex, '<@U-SAM> check the printer queues by 28 March', 'm1'));
    expect(whispers(edited)).toHaveLength(1);
    expect(cardText(defined(whispers(edited)[0]).card)).toContain('Thank you. Your action will be due on Friday 28 March.');
    const last = run.advance();
    expect(actionsOf(run)).toEqual([expect.objectContaining({ key: 'm1', dueOn: '2025-03-28' })]);
    expect(cardText(defined(postOf(last, KEYS.summary)))).not.toContain("couldn't use");
  });

  it('tells the author again if the edit still has a date that cannot be used', () => {
    const run = atActions();
    run.answer(alex, 'Order scanners by 30 February', 'm1');
    const edited = run.send(replyEdited(alex, 'Order scanners by 31 February', 'm1'));
    expect(whispers(edited).map((w) => cardText(w.card)).join()).toContain(`I can't use "31 February" as its due date.`);
  });

  it('says nothing about dates that can be used, answers with no date, or other questions', () => {
    const run = new Run();
    expect(whispers(run.answer(alex, 'Last go-live slipped from 31 February', 'q1'))).toEqual([]);
    run.advanceTo(3);
    expect(whispers(run.send(reply(sam, 'Order spare scanners by tomorrow', 'm1')))).toEqual([]);
    expect(whispers(run.send(reply(sam, 'Keep a paper fallback', 'm2')))).toEqual([]);
    expect(whispers(run.send(reply(sam, 'Ring estates about the fault from yesterday by Friday', 'm3')))).toEqual([]);
    run.advance();
    expect(actionsOf(run).map((a) => a.dueOn)).toEqual(['2025-03-05', '2025-03-18', '2025-03-07']);
  });
});

describe('the default due date', () => {
  it('is two weeks on, moved off a weekend or bank holiday', () => {
    // Friday 11 December 2026: two weeks on is Christmas Day, so the action is due on Tuesday 29 December.
    expect(dueDateOf('Brief pharmacy the day before', new Date('2026-12-11T15:00:00Z'))).toEqual({ day: '2026-12-29', named: false });
    // Monday 30 November 2026: two weeks on is Monday 14 December, a working day.
    expect(dueDateOf('Brief pharmacy the day before', new Date('2026-11-30T15:00:00Z'))).toEqual({ day: '2026-12-14', named: false });
  });
});
