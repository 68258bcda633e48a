import { ACTIONS, KEYS } from '../../../flows/after-action-review';
import { NOW, action, reply, replyDeleted, replyEdited } from '../../support/flow-events';
import { Run, alex, cardText, defined, first, fran, reviewedRun, sam, updateOf } from './harness';

const LATER = new Date('2025-03-04T10:05:00.000Z');

describe('AAR answers', () => {
  it('records each reply against the open question, its author and the time', () => {
    const run = new Run();
    const step = run.answer(alex, '  Go live at 8am  ', 'm1');
    expect(step.say).toEqual([]);
    run.advance();
    run.send(reply(sam, 'It went live at 9am', 'm2'), LATER);
    expect(run.state.answers).toEqual([
      { messageId: 'm1', question: 0, author: alex, text: 'Go live at 8am', flagged: false, at: NOW.toISOString() },
      { messageId: 'm2', question: 1, author: sam, text: 'It went live at 9am', flagged: false, at: LATER.toISOString() },
    ]);
  });

  it('lets the facilitator answer too', () => {
    const run = new Run();
    run.answer(fran, 'We planned a quiet Tuesday', 'm1');
    expect(run.state.answers.map((a) => a.author)).toEqual([fran]);
  });

  it('ignores empty replies and repeats of the same message', () => {
    const run = new Run();
    run.answer(alex, '   ', 'm1');
    run.answer(alex, 'Once', 'm2');
    run.answer(alex, 'Once', 'm2');
    expect(run.state.answers.map((a) => a.messageId)).toEqual(['m2']);
  });

  it('treats a command word inside a longer reply as an answer', () => {
    const run = new Run();
    run.answer(alex, 'next time we should plan better', 'm1');
    expect(run.state.question).toBe(0);
    expect(run.state.answers).toHaveLength(1);
  });

  it('honours an edit, keeping the question, author and time', () => {
    const run = new Run();
    run.answer(alex, 'Go live at 8am', 'm1');
    run.advance();
    const step = run.send(replyEdited(alex, 'Go live at 7am', 'm1'), LATER);
    expect(step.say).toEqual([]);
    expect(run.state.answers).toEqual([
      { messageId: 'm1', question: 0, author: alex, text: 'Go live at 7am', flagged: false, at: NOW.toISOString() },
    ]);
  });

  it('ignores an edit or delete of a message it never recorded', () => {
    const run = new Run();
    run.answer(alex, 'Go live at 8am', 'm1');
    const before = run.state;
    expect(run.send(replyEdited(alex, 'Something else', 'unknown')).state).toEqual(before);
    expect(run.send(replyDeleted('unknown')).state).toEqual(before);
  });

  it('honours a delete', () => {
    const run = new Run();
    run.answer(alex, 'Go live at 8am', 'm1');
    run.answer(sam, 'With paper backup', 'm2');
    run.send(replyDeleted('m1'));
    expect(run.state.answers.map((a) => a.messageId)).toEqual(['m2']);
  });

  it('treats an edit that empties a message as a delete', () => {
    const run = new Run();
    run.answer(alex, 'Go live at 8am', 'm1');
    run.send(replyEdited(alex, '  ', 'm1'));
    expect(run.state.answers).toEqual([]);
  });
});

describe('AAR answers once the summary is up', () => {
  it('ignores ordinary replies in the thread', () => {
    const run = reviewedRun();
    const before = run.state;
    const step = run.answer(sam, 'Thanks all, good session', 'm9');
    expect(step.say).toEqual([]);
    expect(run.state).toEqual(before);
  });

  it('updates the summary and proposals when an answer to question 4 is edited', () => {
    const run = reviewedRun();
    const step = run.send(replyEdited(sam, 'Request log-ins three weeks before go-live.', 'm5'));
    const summary = cardText(defined(updateOf(step, KEYS.summary)));
    expect(summary).toContain('1. Request log-ins three weeks before go-live\n');
    expect(summary).not.toContain('two weeks');
  });

  it('updates the summary when an earlier answer is edited or deleted', () => {
    const run = reviewedRun();
    const edited = run.send(replyEdited(alex, 'Most charts moved over with no trouble.', 'm2'));
    expect(cardText(defined(updateOf(edited, KEYS.summary)))).toContain('<@U-ALEX>: Most charts moved over with no trouble.');
    const deleted = run.send(replyDeleted('m4'));
    expect(cardText(defined(updateOf(deleted, KEYS.summary)))).not.toContain('Accounts were requested too late.');
  });

  it("keeps the facilitator's edits and drops when answers change", () => {
    const run = reviewedRun();
    run.send(action(fran, ACTIONS.drop, 'm5'));
    run.send(reply(fran, 'edit 2: Keep a paper fallback for 72 hours.', 'c1'));
    const step = run.send(replyEdited(sam, 'Request log-ins a month before go-live.', 'm5'));
    const summary = cardText(defined(updateOf(step, KEYS.summary)));
    expect(summary).toContain('1. Request log-ins a month before go-live (dropped)');
    expect(summary).toContain('Keep a paper fallback for 72 hours.');
  });

  it('removes the proposal, and what the facilitator did to it, when its answer is deleted', () => {
    const run = reviewedRun();
    run.send(action(fran, ACTIONS.drop, 'm5'));
    const step = run.send(replyDeleted('m5'));
    expect(run.state.proposalEdits).toEqual([]);
    const summary = cardText(defined(updateOf(step, KEYS.summary)));
    expect(summary).toContain('1. Keep a paper fallback for the first 48 hours\n');
    expect(first(run.state.answers.filter((a) => a.question === 3)).messageId).toBe('m6');
  });
});
