// What /aar says when it doesn't start a review: a missing title, help, or a title that names a patient.
import { card, type Card } from '../../src/core/card';
import type { Finding } from '../../src/privacy';
import { titleHasIdentifierCard as sharedTitleHasIdentifierCard } from '../shared/start-title';

const EXAMPLE = '/aar Go-live of e-prescribing on Ward 7';

export function askForTitleCard(): Card {
  const text = `Please give the review a title, for example: ${EXAMPLE}`;
  return card(text, { type: 'paragraph', text }, { type: 'context', text: 'Type /aar help to find out how a review works.' });
}

export function helpCard(): Card {
  return card(
    'How an After Action Review works',
    { type: 'heading', text: 'After Action Review' },
    {
      type: 'paragraph',
      text:
        'An After Action Review is a short, structured talk straight after an event or incident, ' +
        "so the team can learn from it while it's still fresh. It looks for what we can improve, not for someone to blame.",
    },
    {
      type: 'paragraph',
      text:
        `Start one with a title, for example: ${EXAMPLE}\n` +
        'Whoever starts it is the facilitator.\n' +
        '1. I post four questions in a thread, one at a time. Everyone replies in the thread, one point per reply.\n' +
        '2. The facilitator presses Next question (or types next) to move on, and can type cancel to stop at any time.\n' +
        '3. After the last question I post a summary of the answers, with a proposed lesson for each answer to question 4.\n' +
        '4. The facilitator can edit or drop each lesson (or type edit 2: new wording, drop 2, restore 2), ' +
        'then press Save lessons to add them to the shared library.\n' +
        "5. Each lesson carries the numbered answers to questions 2 and 3 that share its words, as what happened and why. " +
        'To choose them yourself, type carry 2: 1, 3 (or carry 2: none). Every saved lesson links back to the whole review.',
    },
    {
      type: 'context',
      text:
        "Please never type anything that could identify a patient, such as an NHS number. If I spot one, I'll hide it, " +
        'keep that answer out of the lessons and ask its author to rephrase.',
    },
  );
}

export function titleHasIdentifierCard(findings: readonly Finding[]): Card {
  return sharedTitleHasIdentifierCard(findings, 'seen by everyone and kept with the lessons', EXAMPLE);
}
