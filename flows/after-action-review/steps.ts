// Shorthands for the steps every handler returns.
import type { Card } from '../../src/core/card';
import type { Step } from '../../src/core/flow';
import { samePerson, type Person } from '../../src/core/model';
import { KEYS } from './ids';
import { summaryCard } from './summary-card';
import type { AarState } from './state';

export function stay(state: AarState): Step<AarState> {
  return { state, say: [] };
}

export function whisper(state: AarState, to: Person, body: Card): Step<AarState> {
  return { state, say: [{ kind: 'whisper', to, card: body }] };
}

/** Re-renders the summary after a change made while the facilitator reviews the lessons. */
export function withSummaryRefreshed(state: AarState): Step<AarState> {
  return { state, say: [{ kind: 'update', key: KEYS.summary, card: summaryCard(state, 'review') }] };
}

export function isFacilitator(state: AarState, person: Person): boolean {
  return samePerson(state.facilitator, person);
}

/** A copy holding only the Person fields, so nothing else an adapter attached gets stored. */
export function personOf(p: Person): Person {
  return p.name === undefined
    ? { platform: p.platform, tenant: p.tenant, id: p.id }
    : { platform: p.platform, tenant: p.tenant, id: p.id, name: p.name };
}
