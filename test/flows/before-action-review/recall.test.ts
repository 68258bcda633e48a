import { ACTIONS, KEYS } from '../../../flows/before-action-review';
import { action, reply, replyDeleted, replyEdited } from '../../support/flow-events';
import { Run, TITLE, alex, buttonsOf, cardText, defined, fran, postOf, sam } from './harness';

describe('recalling past lessons for question 2', () => {
  it('asks for lessons about the title and the usable answers to question 1, when question 2 opens', () => {
    const run = new Run();
    run.answer(alex, 'Retire paper drug charts on the ward by 8am #eprescribing', 'm1');
    run.answer(sam, 'Bed 3 is 943 476 5919 and needs a paper chart', 'm2');
    run.answer(fran, 'Pharmacy and IT on the ward for the switch-over', 'm3');
    const step = run.advance();

    expect(step.recall).toEqual({
      about: `${TITLE}\nRetire paper drug charts on the ward by 8am #eprescribing\nPharmacy and IT on the ward for the switch-over`,
      key: KEYS.recalled,
    });
    // The flagged answer is left out entirely, masked or not.
    expect(step.recall?.about).not.toMatch(/Bed 3|NHS number|943/);
    expect(run.state.question).toBe(1);
  });

  it('follows edits and deletions made before question 2 opens', () => {
    const run = new Run();
    run.answer(alex, 'Go live on Monday', 'm1');
    run.answer(sam, 'typo', 'm2');
    run.send(replyEdited(alex, 'Go live on Monday with two super-users per shift', 'm1'));
    run.send(replyDeleted('m2'));
    const step = run.advance();
    expect(step.recall?.about).toBe(`${TITLE}\nGo live on Monday with two super-users per shift`);
  });

  it('asks with the title alone when question 1 has no usable answers', () => {
    const run = new Run();
    run.answer(sam, 'Patient 9434765919 first', 'm1');
    expect(run.advance().recall).toEqual({ about: TITLE, key: KEYS.recalled });
  });

  it('asks once per review: not at the start, not for questions 3 and 4, not at the finish', () => {
    const run = new Run();
    for (let i = 0; i < 4; i++) run.advance();
    const recalls = run.steps.map((s) => s.recall);
    expect(recalls.filter((r) => r !== undefined)).toHaveLength(1);
    expect(recalls[1]).toBeDefined();
    expect(run.state.phase).toBe('finished');
  });

  it('asks when the facilitator types next as well', () => {
    const run = new Run();
    const step = run.send(reply(fran, ' Next ', 'm1'));
    expect(step.recall).toEqual({ about: TITLE, key: KEYS.recalled });
    expect(run.state.answers).toEqual([]);
  });

  it('does not ask again when a late press on question 1 arrives after question 2 opened', () => {
    const run = new Run();
    run.advance();
    const late = run.send(action(fran, ACTIONS.next, '0'));
    expect(late.recall).toBeUndefined();
    expect(run.state.question).toBe(1);
  });

  it('does not ask when the facilitator finishes or cancels on question 1', () => {
    const finished = new Run();
    expect(finished.send(action(fran, ACTIONS.cancel, '0')).recall).toBeUndefined();
    const early = new Run();
    expect(early.send(reply(fran, 'finish', 'm1')).recall).toBeUndefined();
    expect(early.state.phase).toBe('finished');
  });

  it('tells people in the question 2 card that past lessons follow (the lessons card itself asks for ratings)', () => {
    const run = new Run();
    const step = run.advance();
    const card = defined(postOf(step, KEYS.question(1)));
    const text = cardText(card);
    expect(text).toContain('Question 2 of 4');
    expect(text).toContain("What can we learn from similar work in the past, and from other people's lessons?");
    expect(text).toMatch(/Below are lessons from the shared library/);
    expect(text).toContain('the people who contributed them');
    expect(buttonsOf(card).map((b) => [b.action, b.value])).toEqual([
      [ACTIONS.next, '1'],
      [ACTIONS.cancel, '1'],
    ]);
    // The closed question 1 says how many answered; the recall note is only on question 2.
    expect(step.say[0]).toMatchObject({ kind: 'update', key: KEYS.question(0) });
    const q3 = defined(postOf(run.advance(), KEYS.question(2)));
    expect(cardText(q3)).not.toContain('Below are lessons');
  });
});
