// Drives a four-question review flow one event at a time, checking the state after every step survives a JSON round trip.
import type { Card } from '../../src/core/card';
import type { Flow, Outgoing, Step } from '../../src/core/flow';
import type { Inbound, Person } from '../../src/core/model';
import { NOW, action, person, reply, startInput } from '../support/flow-events';

export { cardText } from '../support/card-text';

export const fran = person('U-FRAN', 'Fran');
export const alex = person('U-ALEX', 'Alex');
export const sam = person('U-SAM', 'Sam');

/** Both reviews ask four questions; the last one's main button is Finish. */
const LAST_QUESTION = 3;

/** The buttons the facilitator presses to move a review on. */
export interface MoveActions {
  next: string;
  finish: string;
}

export class ReviewRun<S extends { question: number }> {
  state: S;
  /** Every step so far, including the start, for checks across the whole run. */
  readonly steps: Step<S | null>[] = [];

  constructor(
    private readonly flow: Flow<S>,
    private readonly moves: MoveActions,
    title: string,
    by: Person = fran,
  ) {
    const step = flow.start(startInput(by, title));
    if (!step.state) throw new Error('the review did not start');
    this.expectStoredSafely(step.state);
    this.state = step.state;
    this.steps.push(step);
  }

  private expectStoredSafely(state: S): void {
    const reread = this.flow.stateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(reread).toEqual(state);
  }

  send(event: Inbound, now: Date = NOW): Step<S> {
    const step = this.flow.on(this.state, event, now);
    this.expectStoredSafely(step.state);
    this.state = step.state;
    this.steps.push(step);
    return step;
  }

  /** Facilitator presses the open question's main button. */
  advance(now: Date = NOW): Step<S> {
    const verb = this.state.question === LAST_QUESTION ? this.moves.finish : this.moves.next;
    return this.send(action(fran, verb, String(this.state.question)), now);
  }

  /** Advances until question `index` (0-based) is open. */
  advanceTo(index: number): void {
    while (this.state.question < index) this.advance();
  }

  answer(from: Person, text: string, messageId: string): Step<S> {
    return this.send(reply(from, text, messageId));
  }

  /** Everything the run has said so far, as one string. */
  said(): string {
    return JSON.stringify(this.steps.map((s) => s.say));
  }
}

export function buttonsOf(card: Card): { action: string; label: string; value?: string; style?: string }[] {
  return card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

export function whispers(step: { say: Outgoing[] }): Extract<Outgoing, { kind: 'whisper' }>[] {
  return step.say.flatMap((o) => (o.kind === 'whisper' ? [o] : []));
}

export function posts(step: { say: Outgoing[] }): Extract<Outgoing, { kind: 'post' }>[] {
  return step.say.flatMap((o) => (o.kind === 'post' ? [o] : []));
}

export function threadPosts(step: { say: Outgoing[] }): Extract<Outgoing, { kind: 'post' }>[] {
  return step.say.flatMap((o) => (o.kind === 'post' && o.in === 'thread' ? [o] : []));
}

export function updateOf(step: { say: Outgoing[] }, key: string): Card | undefined {
  return step.say.flatMap((o) => (o.kind === 'update' && o.key === key ? [o.card] : []))[0];
}

export function postOf(step: { say: Outgoing[] }, key: string): Card | undefined {
  return step.say.flatMap((o) => (o.kind === 'post' && o.key === key ? [o.card] : []))[0];
}

/** The first item, failing the test clearly when there is none. */
export function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

export function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
