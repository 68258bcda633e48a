import { ACTIONS, KEYS, beforeActionReview } from '../../../flows/before-action-review';
import { command, startInput } from '../../support/flow-events';
import { Run, TITLE, alex, buttonsOf, cardText, first, fran, whispers } from './harness';

describe('starting a Before Action Review', () => {
  it('describes itself to the engine', () => {
    expect(beforeActionReview.id).toBe('before-action-review');
    expect(beforeActionReview.version).toBe(1);
    expect(beforeActionReview.command).toBe('bar');
  });

  it('asks what the team is about to do when no title is given, and does not start', () => {
    const step = beforeActionReview.start(startInput(fran, '   '));
    expect(step.state).toBeNull();
    expect(step.done).toBe(true);
    expect(step.say).toHaveLength(1);
    const whisper = first(whispers(step));
    expect(whisper.to).toEqual(fran);
    expect(cardText(whisper.card)).toContain('/bar Go-live of e-prescribing on Ward 9');
    expect(cardText(whisper.card)).toContain('/bar help');
  });

  // The engine answers `/bar help` with this card (test/engine/command-help.test.ts), so start never sees "help".
  it('explains how a review works', () => {
    const help = cardText(beforeActionReview.help());
    expect(help).toContain('Before Action Review');
    expect(help).toContain('Next question');
    expect(help).toMatch(/\bnext\b/);
    expect(help).toMatch(/\bfinish\b/);
    expect(help).toMatch(/\bcancel\b/);
    expect(help).toContain('Useful or Not relevant');
    expect(help).toContain('who has done this before');
    expect(help).toContain('@Sam check the printer queues by 12 December');
    expect(help).toContain('reminder on the due date');
    expect(help).toContain('NHS number');
  });

  it('refuses a title with an NHS number without echoing it', () => {
    const step = beforeActionReview.start(startInput(fran, 'Discharge plan for 943 476 5919 on Ward 9'));
    expect(step.state).toBeNull();
    expect(step.done).toBe(true);
    expect(step.recall).toBeUndefined();
    const whisper = first(whispers(step));
    expect(whisper.to).toEqual(fran);
    expect(cardText(whisper.card)).toContain('an NHS number');
    expect(cardText(whisper.card)).toContain("haven't started");
    expect(JSON.stringify(step)).not.toMatch(/943|5919/);
  });

  it('starts with the facilitator, an overview in the channel and question 1 in the thread', () => {
    const run = new Run(`  ${TITLE}  `);
    expect(run.state).toEqual({ title: TITLE, facilitator: fran, phase: 'asking', question: 0, answers: [] });
    const start = first(run.steps);
    expect(start.recall).toBeUndefined();
    expect(start.done).toBeUndefined();
    const [overview, question] = start.say;
    expect(overview).toMatchObject({ kind: 'post', in: 'channel', anchor: true, key: KEYS.overview });
    expect(question).toMatchObject({ kind: 'post', in: 'thread', key: KEYS.question(0) });
    if (overview?.kind !== 'post' || question?.kind !== 'post') throw new Error('expected posts');

    const overviewText = cardText(overview.card);
    expect(overviewText).toContain(`Before Action Review: ${TITLE}`);
    expect(overviewText).toContain('<@U-FRAN>');
    expect(overviewText).toContain('1. What are we setting out to achieve?');
    expect(overviewText).toContain('4. What will we do to avoid problems');
    expect(overviewText).toContain('NHS number');

    expect(cardText(question.card)).toContain('Question 1 of 4');
    expect(cardText(question.card)).toContain('who will do what, and what could get in the way?');
    expect(buttonsOf(question.card)).toEqual([
      { action: ACTIONS.next, label: 'Next question', value: '0', style: 'primary' },
      { action: ACTIONS.cancel, label: 'Cancel', value: '0', style: 'danger' },
    ]);
  });

  it('tells someone who types /bar again that a review is already running here', () => {
    const run = new Run();
    const step = run.send(command(alex, 'bar', 'Something else'));
    expect(first(whispers(step)).to).toEqual(alex);
    expect(cardText(first(whispers(step)).card)).toContain(`already a Before Action Review running here ("${TITLE}")`);
    expect(run.state.question).toBe(0);
  });
});
