import { ACTIONS, KEYS, afterActionReview } from '../../../flows/after-action-review';
import { command, startInput } from '../../support/flow-events';
import { Run, TITLE, alex, buttonsOf, cardText, first, fran, whispers } from './harness';

describe('starting an After Action Review', () => {
  it('describes itself to the engine', () => {
    expect(afterActionReview.id).toBe('after-action-review');
    expect(afterActionReview.version).toBe(1);
    expect(afterActionReview.command).toBe('aar');
  });

  it('asks for a title when none is given, and does not start', () => {
    const step = afterActionReview.start(startInput(fran, '   '));
    expect(step.state).toBeNull();
    expect(step.done).toBe(true);
    expect(step.say).toHaveLength(1);
    const whisper = first(whispers(step));
    expect(whisper.to).toEqual(fran);
    expect(cardText(whisper.card)).toContain('/aar Go-live of e-prescribing on Ward 7');
  });

  // The engine answers `/aar help` with this card (test/engine/command-help.test.ts), so start never sees "help".
  it('explains how a review works', () => {
    const help = cardText(afterActionReview.help());
    expect(help).toContain('After Action Review');
    expect(help).toContain('Next question');
    expect(help).toMatch(/\bnext\b/);
    expect(help).toMatch(/\bcancel\b/);
    expect(help).toContain('Save lessons');
    expect(help).toMatch(/edit or drop/);
    expect(help).toContain('NHS number');
  });

  it('refuses a title over 150 characters, says the limit, and gives back every character typed', () => {
    const long = `Go-live ${'of e-prescribing on Ward 7 '.repeat(180)}end`.trim();
    const step = afterActionReview.start(startInput(fran, long));
    expect(step.state).toBeNull();
    const { card } = first(whispers(step));
    expect(cardText(card)).toContain(`Titles can be up to 150 characters, and that one has ${long.length.toLocaleString('en-GB')}`);
    // Every block fits Slack's 3,000 characters for a section, and together they hold the whole title.
    const paragraphs = card.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    for (const text of paragraphs) expect(text.length).toBeLessThanOrEqual(3_000);
    expect(paragraphs.slice(1).join('')).toBe(long);
    expect(afterActionReview.start(startInput(fran, 'x'.repeat(150))).state).not.toBeNull();
  });

  it('refuses a title with an NHS number without echoing it', () => {
    const step = afterActionReview.start(startInput(fran, 'Fall of patient 943 476 5919 on Ward 7'));
    expect(step.state).toBeNull();
    expect(step.done).toBe(true);
    expect(whispers(step)[0]?.to).toEqual(fran);
    expect(cardText(first(whispers(step)).card)).toContain('an NHS number');
    expect(JSON.stringify(step)).not.toMatch(/943|5919/);
  });

  it('starts with the facilitator, an overview in the channel and question 1 in the thread', () => {
    const run = new Run(`  ${TITLE}  `);
    expect(run.state).toEqual({
      title: TITLE,
      facilitator: fran,
      phase: 'asking',
      question: 0,
      answers: [],
      proposalEdits: [],
    });
    const [overview, question] = first(run.steps).say;
    expect(overview).toMatchObject({ kind: 'post', in: 'channel', anchor: true, key: KEYS.overview });
    expect(question).toMatchObject({ kind: 'post', in: 'thread', key: KEYS.question(0) });
    if (overview?.kind !== 'post' || question?.kind !== 'post') throw new Error('expected posts');

    const overviewText = cardText(overview.card);
    expect(overview.card.blocks[0]).toEqual({ type: 'heading', text: `After Action Review: ${TITLE}` });
    expect(overviewText).toContain('Facilitated by <@U-FRAN>');
    expect(overviewText).toMatch(/1\. .*expect/);
    expect(overviewText).toMatch(/4\. .*next time/);
    expect(overviewText).toContain('Reply in the thread');

    expect(cardText(question.card)).toContain('Question 1 of 4');
    expect(buttonsOf(question.card)).toEqual([
      { action: ACTIONS.next, label: 'Next question', value: '0', style: 'primary' },
      { action: ACTIONS.cancel, label: 'Cancel', value: '0', style: 'danger' },
    ]);
  });

  it('tells someone who runs /aar again that a review is already running', () => {
    const run = new Run();
    const step = run.send(command(alex, 'aar', 'Another one'));
    expect(whispers(step)[0]?.to).toEqual(alex);
    expect(cardText(first(whispers(step)).card)).toContain(TITLE);
    expect(step.state).toEqual(first(run.steps).state);
  });
});
