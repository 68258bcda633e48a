// What the bench's worker threads and the main thread say to each other, checked on arrival.
import { z } from 'zod';

export const loadJobSchema = z.object({
  url: z.url(),
  concurrency: z.number().int().min(1),
  requests: z.number().int().min(0),
  seqStart: z.number().int().min(0),
  signingSecret: z.string().min(8),
  deadlineMs: z.number().positive(),
  requestTimeoutMs: z.number().positive(),
  prime: z.boolean(),
});

export const loadResultSchema = z.object({
  latenciesMs: z.array(z.number()),
  outcomes: z.record(z.string(), z.number().int()),
  primed: z.number().int(),
  wallMs: z.number(),
});

export const workerFailureSchema = z.object({ error: z.string() });

export const loadAnswerSchema = z.union([loadResultSchema, workerFailureSchema]);

export const fakeApiReadySchema = z.object({ url: z.url() });
export const fakeApiCountsSchema = z.object({ calls: z.record(z.string(), z.number().int()) });
export const fakeApiCommandSchema = z.object({ command: z.enum(['counts', 'close']) });
