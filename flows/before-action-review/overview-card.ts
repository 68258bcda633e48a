// The parent message in the channel: what the team is about to do, the facilitator and the questions to come.
import type { Card } from '../../src/core/card';
import type { Person } from '../../src/core/model';
import { RUNNING_LINE, reviewOverviewCard } from '../shared/overview-card';
import { countOf } from '../shared/wording';
import { QUESTIONS } from './questions';

export type OverviewStatus = { kind: 'running' } | { kind: 'finished'; actions: number } | { kind: 'cancelled' };

function statusLine(status: OverviewStatus): string {
  switch (status.kind) {
    case 'running':
      return RUNNING_LINE;
    case 'finished':
      return status.actions === 0
        ? 'This review is finished. No actions were agreed.'
        : `This review is finished: ${countOf(status.actions, 'action')} agreed, each with an owner and a due date.`;
    case 'cancelled':
      return 'This review was cancelled, and nothing was saved.';
  }
}

export function overviewCard(title: string, facilitator: Person, status: OverviewStatus): Card {
  const prompts = QUESTIONS.map((q) => q.prompt);
  return reviewOverviewCard('Before Action Review', title, facilitator, prompts, statusLine(status));
}
