import { ACTIONS, KEYS } from '../../../flows/before-action-review';
import type { ActionDraft } from '../../../src/core/flow';
import { NOW, action, reply, replyDeleted, replyEdited } from '../../support/flow-events';
import { Run, alex, cardText, defined, fran, postOf, sam, threadPosts, updateOf, whispers } from './harness';

// NOW is Tuesday 4 March 2025, 10:00 in London (GMT).

function finishedWith(answers: [typeof fran, string, string][], finishAt: Date = NOW): Run {
  const run = new Run();
  run.answer(alex, 'Retire paper charts by 8am', 'a1');
  run.advanceTo(1);
  run.answer(sam, 'Last time the printer queues stalled', 'a2');
  run.advanceTo(2);
  run.answer(fran, 'Every chart is electronic by noon', 'a3');
  run.advanceTo(3);
  for (const [who, text, id] of answers) run.answer(who, text, id);
  run.advance(finishAt);
  return run;
}

function actionsOf(run: Run): ActionDraft[] {
  return run.steps.at(-1)?.actions ?? [];
}

describe('actions from question 4', () => {
  it('gives each usable answer an owner from its first mention and a due date from its text', () => {
    const run = finishedWith([
      [alex, '<@U-SAM> check the printer queues by 12 March', 'm1'],
      [sam, 'Ask <@U-ALEX> and <@U-FRAN> to brief the night shift on 2025-04-02', 'm2'],
    ]);
    expect(actionsOf(run)).toEqual([
      {
        key: 'm1',
        text: 'Check the printer queues by 12 March',
        owner: { platform: 'console', tenant: 'local', id: 'U-SAM' },
        dueOn: '2025-03-12',
        timeZone: 'Europe/London',
        remindAt: new Date('2025-03-12T09:00:00Z'),
      },
      {
        key: 'm2',
        text: 'Ask <@U-ALEX> and <@U-FRAN> to brief the night shift on 2025-04-02',
        owner: { platform: 'console', tenant: 'local', id: 'U-ALEX' },
        dueOn: '2025-04-02',
        timeZone: 'Europe/London',
        // British Summer Time by then: 09:00 in London is 08:00 UTC.
        remindAt: new Date('2025-04-02T08:00:00Z'),
      },
    ]);
  });

  it("makes the author the owner when nobody is named, and the action due in 14 days when there's no date", () => {
    const run = finishedWith([[sam, 'Keep a paper fallback for the first 48 hours', 'm1']]);
    expect(actionsOf(run)).toEqual([
      {
        key: 'm1',
        text: 'Keep a paper fallback for the first 48 hours',
        owner: sam,
        dueOn: '2025-03-18',
        timeZone: 'Europe/London',
        remindAt: new Date('2025-03-18T09:00:00Z'),
      },
    ]);
  });

  it('reads the date relative to when the review finishes, in London time', () => {
    // 23:30 UTC on Monday 31 March is already Tuesday 1 April in London (BST), so "by Tuesday" means a week on.
    const run = finishedWith([[alex, '<@U-SAM>: order spare scanners by Tuesday', 'm1']], new Date('2025-03-31T23:30:00Z'));
    expect(actionsOf(run)[0]).toMatchObject({
      text: 'Order spare scanners by Tuesday',
      dueOn: '2025-04-08',
      remindAt: new Date('2025-04-08T08:00:00Z'),
    });
  });

  it('does not read the digits of a mention as a date', () => {
    const run = finishedWith([[alex, '<@U12> set up the training room', 'm1']]);
    expect(actionsOf(run)[0]).toMatchObject({ owner: { id: 'U12' }, dueOn: '2025-03-18' });
  });

  it('leaves out flagged answers, follows edits and deletions, and never uses answers to other questions', () => {
    const run = new Run();
    run.answer(alex, 'Check stock by 6 March', 'q1');
    run.advanceTo(3);
    run.answer(alex, 'Call about 943 476 5919 by 5 March', 'm1');
    run.answer(sam, 'Order spare scanners', 'm2');
    run.answer(fran, 'typo', 'm3');
    run.answer(alex, 'Check the bay 3 patient 401 023 2137', 'm4');
    run.send(replyEdited(sam, '<@U-FRAN> order spare scanners by 7 March', 'm2'));
    run.send(replyDeleted('m3'));
    run.send(replyEdited(alex, 'Check the bay 3 drug cupboard by 10 March', 'm4'));
    run.advance();
    expect(actionsOf(run).map((a) => [a.key, a.owner.id, a.dueOn, a.text])).toEqual([
      ['m2', 'U-FRAN', '2025-03-07', 'Order spare scanners by 7 March'],
      ['m4', 'U-ALEX', '2025-03-10', 'Check the bay 3 drug cupboard by 10 March'],
    ]);
    expect(JSON.stringify(run.steps)).not.toMatch(/943|5919/);
  });

  it('returns no actions when question 4 has nothing usable, and says so', () => {
    const run = finishedWith([[alex, 'Ring 9434765919 first', 'm1']]);
    const last = defined(run.steps.at(-1));
    expect(last.actions).toBeUndefined();
    expect(last.done).toBe(true);
    const summary = cardText(defined(postOf(last, KEYS.summary)));
    expect(summary).toContain('No actions were agreed');
    expect(summary).toContain("One answer was held back because it contained a patient identifier, so it didn't become an action.");
    expect(summary).not.toMatch(/9434765919/);
  });
});

describe('finishing a Before Action Review', () => {
  it('posts a summary with the answers and each action with its owner and due date in words, then ends', () => {
    const run = finishedWith([
      [alex, '<@U-SAM> check the printer queues by 12 March', 'm1'],
      [sam, 'Keep a paper fallback for the first 48 hours', 'm2'],
    ]);
    const last = defined(run.steps.at(-1));
    expect(last.done).toBe(true);
    expect(run.state.phase).toBe('finished');
    expect(last.say.map((o) => [o.kind, 'key' in o ? o.key : undefined])).toEqual([
      ['update', KEYS.question(3)],
      ['post', KEYS.summary],
      ['update', KEYS.overview],
    ]);
    const summary = cardText(defined(postOf(last, KEYS.summary)));
    expect(summary).toContain('Summary: Go-live of e-prescribing on Ward 9');
    expect(summary).toMatch(/What we're setting out to achieve\*?\n• <@U-ALEX>: Retire paper charts by 8am/);
    expect(summary).toMatch(/What we can learn from past work\*?\n• <@U-SAM>: Last time the printer queues stalled/);
    expect(summary).toMatch(/how we'll know\*?\n• <@U-FRAN>: Every chart is electronic by noon/);
    expect(summary).toContain('1. Check the printer queues by 12 March\nOwner: <@U-SAM> · due Wednesday 12 March');
    expect(summary).toContain('2. Keep a paper fallback for the first 48 hours\nOwner: <@U-SAM> · due Tuesday 18 March');
    expect(summary).toContain('Each owner will get a reminder');
    const overview = cardText(defined(updateOf(last, KEYS.overview)));
    expect(overview).toContain('This review is finished: 2 actions agreed, each with an owner and a due date.');
  });

  it('finishes early when the facilitator types finish, with the actions so far', () => {
    const run = new Run();
    run.answer(alex, 'Get the kit ready', 'a1');
    const step = run.send(reply(fran, 'finish', 'm9'));
    expect(step.done).toBe(true);
    expect(step.actions).toBeUndefined();
    expect(cardText(defined(postOf(step, KEYS.summary)))).toContain('No actions were agreed');
    expect(step.say[0]).toMatchObject({ kind: 'update', key: KEYS.question(0) });
  });

  it('saves nothing when cancelled', () => {
    const run = new Run();
    run.advanceTo(3);
    run.answer(alex, '<@U-SAM> check the printers by 12 March', 'm1');
    const step = run.send(action(fran, ACTIONS.cancel, '3'));
    expect(step.done).toBe(true);
    expect(step.actions).toBeUndefined();
    expect(step.recall).toBeUndefined();
    expect(run.state.phase).toBe('cancelled');
    expect(cardText(defined(updateOf(step, KEYS.question(3))))).toContain('Review cancelled');
    expect(cardText(defined(updateOf(step, KEYS.overview)))).toContain('cancelled, and nothing was saved');
    expect(threadPosts(step).map((p) => cardText(p.card)).join()).toContain('nothing was saved');
    expect(whispers(step)).toEqual([]);
  });

  it('ignores anything that arrives after it has ended', () => {
    const run = finishedWith([[alex, 'Order scanners', 'm1']]);
    const finished = run.state;
    const step = run.send(reply(fran, 'next', 'late'));
    expect(step).toEqual({ state: finished, say: [] });
  });
});
