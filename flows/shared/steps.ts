// Shorthands for the steps every review handler returns, whatever the review's state.
import type { Card } from '../../src/core/card';
import type { Step } from '../../src/core/flow';
import { samePerson, type Person } from '../../src/core/model';

export function stay<S>(state: S): Step<S> {
  return { state, say: [] };
}

export function whisper<S>(state: S, to: Person, body: Card): Step<S> {
  return { state, say: [{ kind: 'whisper', to, card: body }] };
}

export function isFacilitator(state: { facilitator: Person }, person: Person): boolean {
  return samePerson(state.facilitator, person);
}
