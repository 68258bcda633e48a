// The parent message in the channel: the review's title, facilitator and the questions to come.
import type { Card } from '../../src/core/card';
import type { Person } from '../../src/core/model';
import { RUNNING_LINE, reviewOverviewCard } from '../shared/overview-card';
import { countOf } from '../shared/wording';
import { QUESTIONS } from './questions';

export type OverviewStatus = { kind: 'running' } | { kind: 'saved'; lessons: number } | { kind: 'cancelled' };

function statusLine(status: OverviewStatus): string {
  switch (status.kind) {
    case 'running':
      return RUNNING_LINE;
    case 'saved':
      return status.lessons === 0
        ? 'This review is finished. No lessons were saved.'
        : `This review is finished: ${countOf(status.lessons, 'lesson')} saved to the shared library.`;
    case 'cancelled':
      return 'This review was cancelled, and nothing was saved.';
  }
}

export function overviewCard(title: string, facilitator: Person, status: OverviewStatus): Card {
  const prompts = QUESTIONS.map((q) => q.prompt);
  return reviewOverviewCard('After Action Review', title, facilitator, prompts, statusLine(status));
}
