// Reviews keep their answers as the run's collection: a row per answer, so a reply never rewrites the review.
import { z } from 'zod';
import type { Addition, Collection } from '../../src/core/flow';
import type { Inbound } from '../../src/core/model';

const keyed = z.object({ messageId: z.string() });

export function answerCollection<Rest>(
  restSchema: z.ZodType<Rest>,
  add: (rest: Rest, event: Inbound, now: Date) => Addition | undefined,
): Collection<Rest> {
  return { field: 'answers', restSchema, keyOf: (item) => keyed.parse(item).messageId, add };
}
