// Which answers each proposed lesson carries, who its contributors are, and who took part in the review (issue 12 item 13).
import { ACTIONS, EDIT_LESSON_FORM, FORM_VALUE_FIELD, KEYS, afterActionReview, type AarState } from '../../../flows/after-action-review';
import { commandFor } from '../../../flows/after-action-review/commands';
import type { LessonDraft, Step } from '../../../src/core/flow';
import { action, formSubmitted, person, reply, replyDeleted } from '../../support/flow-events';
import { Run, alex, cardText, defined, first, fran, sam, updateOf, whispers } from './harness';

const jo = person('U-JO', 'Jo');
const kim = person('U-KIM', 'Kim');
const lee = person('U-LEE', 'Lee');

/**
 * One review of a printer outage: four proposed lessons, each about something different.
 * Answers a lesson can carry are numbered 1 to 4: questions 2 (1, 2) and 3 (3, 4).
 */
function printerReview(): Run {
  const run = new Run('Go-live on Ward 7');
  run.answer(alex, 'Orders would print on the ward as before', 'm1');
  run.advance();
  run.answer(alex, 'The printer queue stalled at nine', 'm2');
  run.answer(sam, 'Night staff had no log-ins ready', 'm3');
  run.advance();
  run.answer(sam, 'Nobody owned the printer queue', 'm4');
  run.answer(jo, 'Log-in requests went in late', 'm5');
  run.advance();
  run.answer(sam, 'Name a printer queue owner for every go-live', 'm6');
  run.answer(jo, 'Request log-ins two weeks early', 'm7');
  run.answer(kim, 'Keep paper charts for the first weekend', 'm8');
  run.answer(lee, 'Buy a spare printer', 'm9');
  run.advance();
  return run;
}

const summaryNow = (run: Run): string => {
  for (const step of [...run.steps].reverse()) {
    const card = step.say.find((o) => (o.kind === 'post' || o.kind === 'update') && o.key === KEYS.summary);
    if (card && 'card' in card) return cardText(card.card);
  }
  throw new Error('no summary');
};

function saved(run: Run): LessonDraft[] {
  const step = run.send(action(fran, ACTIONS.save));
  return defined(step.save);
}

/** The facilitator types drop N. */
function dropping(run: Run, n: number): Run {
  run.send(reply(fran, `drop ${n}`, `drop-${n}`));
  return run;
}

const byKey = (drafts: LessonDraft[], key: string): LessonDraft => defined(drafts.find((d) => d.key === key));

describe('the answers a proposed lesson carries', () => {
  it('numbers the answers to questions 2 and 3 in the summary, and says which each lesson carries', () => {
    const text = summaryNow(printerReview());
    expect(text).toMatch(/1\. What did we expect[^\n]*\n• <@U-ALEX>: Orders would print/);
    expect(text).toMatch(/2\. What actually happened[^\n]*\n• \(1\) <@U-ALEX>: The printer queue stalled at nine\n• \(2\) <@U-SAM>: Night staff/);
    expect(text).toMatch(/3\. Why was there a difference[^\n]*\n• \(3\) <@U-SAM>: Nobody owned the printer queue\n• \(4\) <@U-JO>: Log-in requests/);
    expect(text).toContain('1. Name a printer queue owner for every go-live\nName a printer queue owner for every go-live\nFrom <@U-SAM>\nCarries answers 1 and 3, which share its words.');
    expect(text).toContain('From <@U-JO>\nCarries answers 2 and 4, which share its words.');
    expect(text).toContain('From <@U-KIM>\nCarries no answers, as none share its words. The saved lesson still links to this review.');
    expect(text).toMatch(/carry 1: 2, 3/);
  });

  it('saves each lesson with only the observations and reasons it carries', () => {
    const drafts = saved(dropping(printerReview(), 4));
    expect(drafts.map((d) => d.key)).toEqual(['m6', 'm7', 'm8']);
    expect(byKey(drafts, 'm6')).toMatchObject({ observation: 'The printer queue stalled at nine', reason: 'Nobody owned the printer queue' });
    expect(byKey(drafts, 'm7')).toMatchObject({ observation: 'Night staff had no log-ins ready', reason: 'Log-in requests went in late' });
    expect(byKey(drafts, 'm8')).toMatchObject({ observation: '', reason: '' });
  });

  it('lets the facilitator choose them with carry N: answers, in any order, once each', () => {
    const run = printerReview();
    run.send(reply(fran, 'carry 3: 2', 'c1'));
    expect(summaryNow(run)).toContain('From <@U-KIM>\nCarries answer 2, as chosen by <@U-FRAN>.');
    run.send(reply(fran, 'Carry #2: 4, 2 and 2', 'c2'));
    run.send(reply(fran, 'carry 1: none', 'c3'));
    expect(summaryNow(run)).toContain('From <@U-SAM>\nCarries no answers, as chosen by <@U-FRAN>. The saved lesson still links to this review.');
    const drafts = saved(run);
    expect(byKey(drafts, 'm6')).toMatchObject({ observation: '', reason: '' });
    expect(byKey(drafts, 'm7')).toMatchObject({ observation: 'Night staff had no log-ins ready', reason: 'Log-in requests went in late' });
    expect(byKey(drafts, 'm8')).toMatchObject({ observation: 'Night staff had no log-ins ready', reason: '' });
  });

  it('keeps the choice in stored state that reads back, and still reads state stored before there was a choice', () => {
    const run = printerReview();
    run.send(reply(fran, 'carry 3: 2', 'c1'));
    expect(run.state.proposalEdits).toEqual([{ key: 'm8', dropped: false, carried: ['m3'] }]);
    const old: unknown = JSON.parse(JSON.stringify({ ...run.state, proposalEdits: [{ key: 'm8', dropped: true, title: 'Paper charts' }] }));
    expect(afterActionReview.stateSchema.parse(old).proposalEdits).toEqual([{ key: 'm8', dropped: true, title: 'Paper charts' }]);
  });

  it('carries nothing of an answer that has since been deleted', () => {
    const run = printerReview();
    run.send(reply(fran, 'carry 3: 2', 'c1'));
    run.send(replyDeleted('m3'));
    expect(summaryNow(run)).toContain('From <@U-KIM>\nCarries no answers, as chosen by <@U-FRAN>.');
    expect(byKey(saved(run), 'm8')).toMatchObject({ observation: '', reason: '' });
  });

  describe('explains a carry it cannot follow, and changes nothing', () => {
    function refused(run: Run, text: string): string {
      const before: AarState = run.state;
      const step: Step<AarState> = run.send(reply(fran, text, `c-${text}`));
      expect(run.state).toEqual(before);
      expect(updateOf(step, KEYS.summary)).toBeUndefined();
      return cardText(first(whispers(step)).card);
    }

    it.each([
      ['carry 2: 7', "There's no answer 7. The numbered answers in the summary, to questions 2 and 3, are the ones a lesson can carry."],
      ['carry 2: 1, 5, 9', "There are no answers 5 or 9. The numbered answers in the summary, to questions 2 and 3, are the ones a lesson can carry."],
      ['carry 2: 0', "There's no answer 0. The numbered answers in the summary, to questions 2 and 3, are the ones a lesson can carry."],
      ['carry 9: 1', "There's no lesson 9. The summary in the thread shows the numbers."],
      ['carry 2: the lot', 'To choose the answers lesson 2 carries, type in the thread: carry 2: then their numbers, for example carry 2: 1, 3 (or carry 2: none).'],
      ['carry 2', 'To choose the answers lesson 2 carries, type in the thread: carry 2: then their numbers, for example carry 2: 1, 3 (or carry 2: none).'],
    ])('%s', (text, said) => {
      expect(refused(printerReview(), text)).toContain(said);
    });

    it('an answer held back for a patient identifier', () => {
      const run = new Run();
      run.advance();
      run.answer(alex, 'Bed 4 (NHS 943 476 5919) waited for a printer', 'm1');
      run.advance();
      run.advance();
      run.answer(sam, 'Add a second printer', 'm2');
      run.advance();
      expect(refused(run, 'carry 1: 1')).toContain("Answer 1 was held back because it seemed to contain a patient identifier, so no lesson can carry it.");
    });

    it('from anyone but the facilitator', () => {
      const run = printerReview();
      const before = run.state;
      const step = run.send(reply(alex, 'carry 1: 2', 'c1'));
      expect(run.state).toEqual(before);
      expect(cardText(first(whispers(step)).card)).toContain('Only <@U-FRAN>');
    });
  });

  it('is a command only once the questions are over', () => {
    expect(commandFor('carry 1: 2', 'asking')).toBeNull();
    expect(commandFor('carry 1: 2, 3', 'review')).toEqual({ verb: 'carry', number: 1, answers: [2, 3] });
    expect(commandFor('carry 1: none', 'review')).toEqual({ verb: 'carry', number: 1, answers: [] });
    expect(commandFor('carry 1: lots', 'review')).toEqual({ verb: 'carry', number: 1, answers: null });
  });

  it('is in the help', () => {
    expect(cardText(afterActionReview.help())).toContain('carry 2: 1, 3');
  });
});

describe("a lesson's contributors", () => {
  it('are the people whose words it is made of, not everyone in the review', () => {
    const drafts = saved(dropping(printerReview(), 4));
    expect(byKey(drafts, 'm6').contributors).toEqual([sam, alex]);
    expect(byKey(drafts, 'm7').contributors).toEqual([jo, sam]);
    expect(byKey(drafts, 'm8').contributors).toEqual([kim]);
    // Lee's only answer became the dropped lesson: Lee is no lesson's contributor.
    expect(drafts.flatMap((d) => d.contributors)).not.toContainEqual(lee);
  });

  it('include the facilitator who changed its wording or title, but not for choosing its answers', () => {
    const run = printerReview();
    run.send(reply(fran, 'edit 1: Name a printer queue owner for every go-live, in the go-live plan', 'c1'));
    run.send(formSubmitted(fran, EDIT_LESSON_FORM, { [FORM_VALUE_FIELD]: 'm7', title: 'Log-ins two weeks early', recommendation: 'Request log-ins two weeks early' }));
    run.send(reply(fran, 'carry 3: 1', 'c2'));
    const drafts = saved(run);
    expect(byKey(drafts, 'm6').contributors).toEqual([sam, alex, fran]);
    expect(byKey(drafts, 'm7').contributors).toEqual([jo, sam, fran]);
    expect(byKey(drafts, 'm8').contributors).toEqual([kim, alex]);
  });
});

describe("the review's participants", () => {
  it('are everyone who answered and the facilitator, sent with the save', () => {
    const step = dropping(printerReview(), 4).send(action(fran, ACTIONS.save));
    expect(step.participants).toEqual([fran, alex, sam, jo, kim, lee]);
  });

  it('are sent even when every lesson is dropped', () => {
    const run = printerReview();
    for (const n of [1, 2, 3, 4]) dropping(run, n);
    const step = run.send(action(fran, ACTIONS.save));
    expect(step.save).toBeUndefined();
    expect(step.participants).toEqual([fran, alex, sam, jo, kim, lee]);
  });
});
