import { ACTIONS, EDIT_LESSON_FORM, FORM_VALUE_FIELD, KEYS } from '../../../flows/after-action-review';
import { action, formSubmitted, reply, replyEdited } from '../../support/flow-events';
import { Run, alex, buttonsOf, cardText, defined, first, fran, postOf, reviewedRun, sam, updateOf, whispers } from './harness';

const DIGITS = /9434765919|943[ -]476[ -]5919|4010232137|401[ -]023[ -]2137/;

function expectNoNumbersAnywhere(run: Run): void {
  expect(JSON.stringify(run.state)).not.toMatch(DIGITS);
  expect(run.said()).not.toMatch(DIGITS);
  expect(JSON.stringify(run.steps.map((s) => s.save ?? []))).not.toMatch(DIGITS);
}

describe('patient identifiers in an AAR', () => {
  it('masks an NHS number in an answer and tells only its author, without the digits', () => {
    const run = new Run();
    run.advance();
    const step = run.answer(sam, 'Patient 943 476 5919 was given the wrong dose.', 'm1');
    expect(first(run.state.answers)).toMatchObject({
      text: 'Patient [NHS number removed] was given the wrong dose.',
      flagged: true,
      author: sam,
    });
    expect(step.say).toHaveLength(1);
    const whisper = first(whispers(step));
    expect(whisper.to).toEqual(sam);
    const text = cardText(whisper.card);
    expect(text).toContain('question 2');
    expect(text).toContain('an NHS number');
    expect(text).toContain('Patient [NHS number removed] was given the wrong dose.');
    expect(text).toMatch(/won't be used in any lesson/);
    expect(text).toMatch(/edit your message/);
    expectNoNumbersAnywhere(run);
  });

  it('never proposes a flagged answer as a lesson, or uses it in a draft', () => {
    const run = new Run();
    run.advance();
    run.answer(sam, 'Wrong dose for 9434765919.', 'm1');
    run.answer(alex, 'Pharmacy checks were skipped.', 'm2');
    run.advance();
    run.advance();
    run.answer(alex, 'Double-check doses for 401-023-2137 and others.', 'm3');
    run.answer(sam, 'Double-check doses at handover.', 'm4');
    const summaryStep = run.advance();
    const summary = defined(postOf(summaryStep, KEYS.summary));
    expect(cardText(summary)).toContain('held back');
    expect(cardText(summary)).toContain('1. Double-check doses at handover');
    expect(buttonsOf(summary).filter((b) => b.action === ACTIONS.edit).map((b) => b.value)).toEqual(['m4']);

    const saved = run.send(action(fran, ACTIONS.save));
    expect(saved.save).toEqual([
      // Sam's held-back answer shares 'dose' with the lesson, yet is never carried.
      expect.objectContaining({ key: 'm4', observation: 'Pharmacy checks were skipped.', contributors: [sam, alex] }),
    ]);
    expectNoNumbersAnywhere(run);
  });

  it('unmasks nothing when the author rephrases, and thanks them', () => {
    const run = new Run();
    run.answer(sam, 'Plan for 9434765919', 'm1');
    const step = run.send(replyEdited(sam, 'Plan for the patient in bay 3', 'm1'));
    expect(first(run.state.answers)).toMatchObject({ text: 'Plan for the patient in bay 3', flagged: false });
    expect(cardText(first(whispers(step)).card)).toContain('fine now');
  });

  it('whispers again when an edit still contains a number', () => {
    const run = new Run();
    run.answer(sam, 'Plan for the patient in bay 3', 'm1');
    const step = run.send(replyEdited(sam, 'Plan for 401 023 2137', 'm1'));
    expect(first(run.state.answers)).toMatchObject({ text: 'Plan for [NHS number removed]', flagged: true });
    expect(first(whispers(step)).to).toEqual(sam);
    expectNoNumbersAnywhere(run);
  });

  it('drops a lesson from the proposals when an edit adds a number during review', () => {
    const run = reviewedRun();
    const step = run.send(replyEdited(sam, 'Request log-ins for 9434765919 early.', 'm5'));
    const summary = cardText(defined(updateOf(step, KEYS.summary)));
    expect(summary).toContain('1. Keep a paper fallback');
    expect(summary).toContain('<@U-SAM>: Request log-ins for [NHS number removed] early. (held back');
    expect(first(whispers(step)).to).toEqual(sam);
    expectNoNumbersAnywhere(run);
  });

  it('keeps the old wording when a lesson edit contains a number', () => {
    const run = reviewedRun();
    const viaForm = run.send(
      formSubmitted(fran, EDIT_LESSON_FORM, { [FORM_VALUE_FIELD]: 'm5', title: 'Log-ins for 9434765919', recommendation: 'Fine' }),
    );
    const typed = run.send(reply(fran, 'edit 2: Paper charts for 943-476-5919', 'c1'));
    expect(run.state.proposalEdits).toEqual([]);
    expect(cardText(first(whispers(viaForm)).card)).toContain('[NHS number removed]');
    expect(cardText(first(whispers(typed)).card)).toContain('kept the earlier wording');
    expectNoNumbersAnywhere(run);
  });

  it('keeps numbers out of state and messages through a whole run, spaced and unspaced', () => {
    const run = new Run();
    run.answer(alex, 'Admit 9434765919 by noon', 'm1');
    run.advance();
    run.answer(sam, 'Admitted 943 476 5919 at 3pm', 'm2');
    run.advance();
    run.answer(alex, 'Bed for 401-023-2137 was not ready', 'm3');
    run.advance();
    run.answer(sam, 'Book beds early, like for 4010232137', 'm4');
    run.answer(sam, 'Book beds the day before', 'm5');
    run.advance();
    run.send(action(fran, ACTIONS.save));
    expect(run.state.answers.filter((a) => a.flagged)).toHaveLength(4);
    expectNoNumbersAnywhere(run);
  });

  it('does not flag numbers with a wrong check digit', () => {
    const run = new Run();
    const step = run.answer(alex, 'Bleep 943 476 5918 if stuck', 'm1');
    expect(step.say).toEqual([]);
    expect(first(run.state.answers)).toMatchObject({ text: 'Bleep 943 476 5918 if stuck', flagged: false });
  });
});
