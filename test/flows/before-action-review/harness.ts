// Drives the BAR flow one event at a time, checking the state after every step survives a JSON round trip.
import type { Outgoing, Step } from '../../../src/core/flow';
import type { Inbound, Person } from '../../../src/core/model';
import { ACTIONS, beforeActionReview, type BarState } from '../../../flows/before-action-review';
import { NOW, action, person, reply, startInput } from '../../support/flow-events';

export { buttonsOf, cardText, defined, first, postOf, posts, updateOf, whispers } from '../after-action-review/harness';

export const fran = person('U-FRAN', 'Fran');
export const alex = person('U-ALEX', 'Alex');
export const sam = person('U-SAM', 'Sam');

export const TITLE = 'Go-live of e-prescribing on Ward 9';

function expectStoredSafely(state: BarState): void {
  const reread = beforeActionReview.stateSchema.parse(JSON.parse(JSON.stringify(state)));
  expect(reread).toEqual(state);
}

export class Run {
  state: BarState;
  /** Every step so far, including the start, for checks across the whole run. */
  readonly steps: Step<BarState | null>[] = [];

  constructor(title = TITLE, by: Person = fran) {
    const step = beforeActionReview.start(startInput(by, title));
    if (!step.state) throw new Error('the review did not start');
    expectStoredSafely(step.state);
    this.state = step.state;
    this.steps.push(step);
  }

  send(event: Inbound, now: Date = NOW): Step<BarState> {
    const step = beforeActionReview.on(this.state, event, now);
    expectStoredSafely(step.state);
    this.state = step.state;
    this.steps.push(step);
    return step;
  }

  /** Facilitator presses the open question's main button. */
  advance(now: Date = NOW): Step<BarState> {
    const verb = this.state.question === 3 ? ACTIONS.finish : ACTIONS.next;
    return this.send(action(fran, verb, String(this.state.question)), now);
  }

  /** Advances until question `index` (0-based) is open. */
  advanceTo(index: number): void {
    while (this.state.question < index) this.advance();
  }

  answer(from: Person, text: string, messageId: string): Step<BarState> {
    return this.send(reply(from, text, messageId));
  }

  /** Everything the run has said so far, as one string. */
  said(): string {
    return JSON.stringify(this.steps.map((s) => s.say));
  }
}

export function threadPosts(step: { say: Outgoing[] }): Extract<Outgoing, { kind: 'post' }>[] {
  return step.say.flatMap((o) => (o.kind === 'post' && o.in === 'thread' ? [o] : []));
}
