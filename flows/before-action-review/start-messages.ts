// What /bar says when it doesn't start a review: a missing title, help, or a title that names a patient.
import { card, type Card } from '../../src/core/card';
import type { Finding } from '../../src/privacy';
import { titleHasIdentifierCard as sharedTitleHasIdentifierCard } from '../shared/start-title';

const EXAMPLE = '/bar Go-live of e-prescribing on Ward 9';

export function askForTitleCard(): Card {
  const text = `Please say what you're about to do, for example: ${EXAMPLE}`;
  const help = 'Type /bar help to find out how a Before Action Review works.';
  return card(text, { type: 'paragraph', text }, { type: 'context', text: help });
}

export function helpCard(): Card {
  return card(
    'How a Before Action Review works',
    { type: 'heading', text: 'Before Action Review' },
    {
      type: 'paragraph',
      text:
        'A Before Action Review is a short talk before a piece of work starts, so the team agrees what it wants to achieve ' +
        'and learns from people who have done something similar.',
    },
    {
      type: 'paragraph',
      text:
        `Start one by saying what you're about to do, for example: ${EXAMPLE}\n` +
        'Whoever starts it is the facilitator.\n' +
        '1. I post four questions in a thread, one at a time. Everyone replies in the thread, one point per reply.\n' +
        '2. With question 2 I post the lessons from the shared library that look most relevant, and who contributed them, ' +
        'so you know who has done this before. Mark each one Useful or Not relevant to improve what comes up next time.\n' +
        '3. Each reply to question 4 becomes an action. Name an owner and a date in it, ' +
        'for example: "@Sam check the printer queues by 12 December".\n' +
        '4. The facilitator presses Next question (or types next) to move on, Finish (or finish) to end early, ' +
        'and can type cancel to stop at any time. Finish posts a summary, and each owner gets a reminder on the due date.',
    },
    {
      type: 'context',
      text:
        "Please never type anything that could identify a patient, such as an NHS number. If I spot one, I'll hide it, " +
        'leave that answer out and ask its author to rephrase.',
    },
  );
}

export function titleHasIdentifierCard(findings: readonly Finding[]): Card {
  return sharedTitleHasIdentifierCard(findings, 'seen by everyone and used to search the lessons library', EXAMPLE);
}
