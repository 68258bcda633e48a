// Drives the AAR flow one event at a time, checking the state after every step survives a JSON round trip.
import type { Block, Card } from '../../../src/core/card';
import type { Outgoing, Step } from '../../../src/core/flow';
import type { Inbound, Person } from '../../../src/core/model';
import { ACTIONS, afterActionReview, type AarState } from '../../../flows/after-action-review';
import { NOW, action, person, reply, startInput } from '../../support/flow-events';

export const fran = person('U-FRAN', 'Fran');
export const alex = person('U-ALEX', 'Alex');
export const sam = person('U-SAM', 'Sam');

export const TITLE = 'Go-live of e-prescribing on Ward 7';

function expectStoredSafely(state: AarState): void {
  const reread = afterActionReview.stateSchema.parse(JSON.parse(JSON.stringify(state)));
  expect(reread).toEqual(state);
}

export class Run {
  state: AarState;
  /** Every step so far, including the start, for checks across the whole run. */
  readonly steps: Step<AarState | null>[] = [];

  constructor(title = TITLE, by: Person = fran) {
    const step = afterActionReview.start(startInput(by, title));
    if (!step.state) throw new Error('the review did not start');
    expectStoredSafely(step.state);
    this.state = step.state;
    this.steps.push(step);
  }

  send(event: Inbound, now: Date = NOW): Step<AarState> {
    const step = afterActionReview.on(this.state, event, now);
    expectStoredSafely(step.state);
    this.state = step.state;
    this.steps.push(step);
    return step;
  }

  /** Facilitator presses the open question's main button. */
  advance(): Step<AarState> {
    const verb = this.state.question === 3 ? ACTIONS.finish : ACTIONS.next;
    return this.send(action(fran, verb, String(this.state.question)));
  }

  answer(from: Person, text: string, messageId: string): Step<AarState> {
    return this.send(reply(from, text, messageId));
  }

  /** Everything the run has said so far, as one string. */
  said(): string {
    return JSON.stringify(this.steps.map((s) => s.say));
  }
}

/** A run with answers to every question, now showing the summary. */
export function reviewedRun(): Run {
  const run = new Run();
  run.answer(alex, 'Switch over at 8am with paper charts retired. #e-prescribing', 'm1');
  run.advance();
  run.answer(alex, 'Most charts moved over smoothly.', 'm2');
  run.answer(sam, 'Night staff had no log-ins ready. #access', 'm3');
  run.advance();
  run.answer(sam, 'Accounts were requested too late.', 'm4');
  run.advance();
  run.answer(sam, 'Request log-ins two weeks before go-live. Check them with each shift lead.', 'm5');
  run.answer(alex, 'Keep a paper fallback for the first 48 hours #Resilience', 'm6');
  run.advance();
  return run;
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'context':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'buttons':
      return block.buttons.map((b) => `[${b.label}]`).join(' ');
    case 'divider':
      return '---';
  }
}

export function cardText(card: Card): string {
  return [card.text, ...card.blocks.map(blockText)].join('\n');
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
