// How a flow's state is stored: a collection's items (a review's answers) as rows of their own, the rest as the run's state.
import type { Contribution, Flow } from '../core/flow';

type AnyFlow = Flow<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A flow's state as stored: its collection's items apart (as rows), the rest as the run's state. */
export function splitState(flow: AnyFlow, state: unknown): { rest: unknown; items: Contribution[] } {
  const collection = flow.collection;
  if (!collection || !isRecord(state)) return { rest: state, items: [] };
  const { [collection.field]: list, ...rest } = state;
  const items = Array.isArray(list) ? list.map((item: unknown) => ({ key: collection.keyOf(item), item })) : [];
  return { rest, items };
}

/** The state a flow sees: the run's stored state with its collection put back. */
export function joinState(flow: AnyFlow, rest: unknown, items: Contribution[]): unknown {
  const collection = flow.collection;
  if (!collection || !isRecord(rest)) return rest;
  return { ...rest, [collection.field]: items.map((c) => c.item) };
}
