// What the replies bench's load worker and target processes say to the main thread, checked on arrival.
import { z } from 'zod';

/** Where a review's answers go: its channel and the ts of the post that opened its thread. */
export const reviewThreadSchema = z.object({ channel: z.string().min(1), thread: z.string().min(1) });
export type ReviewThread = z.infer<typeof reviewThreadSchema>;

export const replyJobSchema = z.object({
  /** Full URL of the Slack events endpoint. */
  url: z.url(),
  concurrency: z.number().int().min(1),
  /** No new reply starts after this long. */
  seconds: z.number().positive(),
  maxReplies: z.number().int().min(1),
  reviews: z.array(reviewThreadSchema).min(1),
  /** Replies go round-robin over `groupSize` reviews at a time... */
  groupSize: z.number().int().min(1),
  /** ...and move on to the next `groupSize` reviews once each has this many (null: never move on). */
  perReview: z.number().int().min(1).nullable(),
  /** Every reply's event id starts with Ev + this, so its commit can be counted. */
  idPrefix: z.string().regex(/^[A-Za-z0-9]+$/),
  /** Sequence of the first reply's message ts, unique across the run. */
  tsStart: z.number().int().min(0),
  teamId: z.string().min(1),
  signingSecret: z.string().min(8),
  requestTimeoutMs: z.number().positive(),
  /** Send `concurrency` replies first (counted, not timed), so every keep-alive socket is open. */
  prime: z.boolean(),
});
export type ReplyJob = z.infer<typeof replyJobSchema>;

export const replyResultSchema = z.object({
  /** Time to the complete response, for 200s only, priming replies left out. */
  latenciesMs: z.array(z.number()),
  /** Outcome -> count: an HTTP status, 'timeout' or 'error'; priming replies included. */
  outcomes: z.record(z.string(), z.number().int()),
  primed: z.number().int(),
  /** Epoch ms (performance.timeOrigin-based, comparable across threads) of the first send and the last 200. */
  startedAt: z.number(),
  lastAckAt: z.number().nullable(),
  endedAt: z.number(),
});
export type ReplyResult = z.infer<typeof replyResultSchema>;

export const replyAnswerSchema = z.union([replyResultSchema, z.object({ error: z.string() })]);

export const targetReadySchema = z.union([z.object({ url: z.url() }), z.object({ error: z.string() })]);
export const targetCommandSchema = z.object({ command: z.literal('close') });
