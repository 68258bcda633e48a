// The parent message in the channel: the review's title, facilitator and the questions to come.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';
import { QUESTIONS } from './questions';
import { countOf } from './wording';

export type OverviewStatus = { kind: 'running' } | { kind: 'saved'; lessons: number } | { kind: 'cancelled' };

function statusLine(status: OverviewStatus): string {
  switch (status.kind) {
    case 'running':
      return 'Reply in the thread below. Please leave out anything that could identify a patient, such as an NHS number.';
    case 'saved':
      return status.lessons === 0
        ? 'This review is finished. No lessons were saved.'
        : `This review is finished: ${countOf(status.lessons, 'lesson')} saved to the shared library.`;
    case 'cancelled':
      return 'This review was cancelled, and nothing was saved.';
  }
}

export function overviewCard(title: string, facilitator: Person, status: OverviewStatus): Card {
  const questions = QUESTIONS.map((q, i) => `${i + 1}. ${q.prompt}`).join('\n');
  return card(
    `After Action Review: ${title}`,
    { type: 'heading', text: `After Action Review: ${title}` },
    { type: 'paragraph', text: `Facilitated by ${mention(facilitator)}` },
    { type: 'paragraph', text: `We'll go through four questions, one at a time:\n${questions}` },
    { type: 'context', text: statusLine(status) },
  );
}
