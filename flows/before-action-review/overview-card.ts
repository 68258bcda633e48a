// The parent message in the channel: what the team is about to do, the facilitator and the questions to come.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';
import { countOf } from '../after-action-review/wording';
import { QUESTIONS } from './questions';

export type OverviewStatus = { kind: 'running' } | { kind: 'finished'; actions: number } | { kind: 'cancelled' };

function statusLine(status: OverviewStatus): string {
  switch (status.kind) {
    case 'running':
      return 'Reply in the thread below. Please leave out anything that could identify a patient, such as an NHS number.';
    case 'finished':
      return status.actions === 0
        ? 'This review is finished. No actions were agreed.'
        : `This review is finished: ${countOf(status.actions, 'action')} agreed, each with an owner and a due date.`;
    case 'cancelled':
      return 'This review was cancelled, and nothing was saved.';
  }
}

export function overviewCard(title: string, facilitator: Person, status: OverviewStatus): Card {
  const questions = QUESTIONS.map((q, i) => `${i + 1}. ${q.prompt}`).join('\n');
  return card(
    `Before Action Review: ${title}`,
    { type: 'heading', text: `Before Action Review: ${title}` },
    { type: 'paragraph', text: `Facilitated by ${mention(facilitator)}` },
    { type: 'paragraph', text: `We'll go through four questions, one at a time:\n${questions}` },
    { type: 'context', text: statusLine(status) },
  );
}
