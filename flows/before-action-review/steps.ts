// Shorthands for the steps every BAR handler returns.
import type { Card } from '../../src/core/card';
import type { Step } from '../../src/core/flow';
import { samePerson, type Person } from '../../src/core/model';
import type { BarState } from './state';

export { personOf } from '../after-action-review/steps';

export function stay(state: BarState): Step<BarState> {
  return { state, say: [] };
}

export function whisper(state: BarState, to: Person, body: Card): Step<BarState> {
  return { state, say: [{ kind: 'whisper', to, card: body }] };
}

export function isFacilitator(state: BarState, person: Person): boolean {
  return samePerson(state.facilitator, person);
}
