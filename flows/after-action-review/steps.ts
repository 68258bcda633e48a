// The step that re-renders the AAR summary; the shorthands every review uses are in flows/shared/steps.
import type { Step } from '../../src/core/flow';
import { KEYS } from './ids';
import { summaryCard } from './summary-card';
import type { AarState } from './state';

/** Re-renders the summary after a change made while the facilitator reviews the lessons. */
export function withSummaryRefreshed(state: AarState): Step<AarState> {
  return { state, say: [{ kind: 'update', key: KEYS.summary, card: summaryCard(state, 'review') }] };
}
