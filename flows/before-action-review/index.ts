// STUB (replaced by the BAR work): the Before Action Review flow.
import { z } from 'zod';
import type { Flow } from '../../src/core/flow';

const stubState = z.object({ title: z.string() });
type StubState = z.infer<typeof stubState>;

export const beforeActionReview: Flow<StubState> = {
  id: 'before-action-review',
  version: 1,
  command: 'bar',
  stateSchema: stubState,
  start: () => ({ state: null, done: true, say: [] }),
  on: (state) => ({ state, say: [] }),
};
