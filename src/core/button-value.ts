// Button values and the values forms carry back come from outside: each is read with a schema of what the database can
// hold, and anything else gets one standard refusal that changes nothing.
import { z } from 'zod';
import { card, type Card } from './card';
import { whisperReply, type ServiceReply } from './command-service';
import type { Person } from './model';

/** Slack allows 2,000 characters in a button's value; nothing Mobilise writes comes near it. */
export const BUTTON_VALUE_MAX = 2000;

const INT4_MAX = 2_147_483_647;

/** Keys Mobilise makes (proposal keys, draft keys) are short; a long one was not made here. */
export const KEY_MAX = 200;

/** The parts a value is made of, each no wider than its column. */
export const valueParts = {
  /** A row id (a uuid column). */
  id: z.guid(),
  /** A count or round number (an integer column). */
  count: z.number().int().min(0).max(INT4_MAX),
};

export const STALE_BUTTON_TEXT = 'That button is out of date or was changed: nothing was done.';

export const staleButtonCard: Card = card(STALE_BUTTON_TEXT, { type: 'paragraph', text: STALE_BUTTON_TEXT });

/** A value written as JSON by Mobilise, read back with `schema`. */
export function jsonValue<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** The standard refusal, for a button or form id that Mobilise does not know under a prefix it owns. */
export function refuseButton(from: Person): ServiceReply {
  return whisperReply(from, staleButtonCard);
}

export type ValueRead<T> = { ok: true; value: T } | { ok: false; refusal: ServiceReply };

/** The value as `schema` reads it, or the standard refusal whispered to whoever pressed or submitted. */
export function parseButtonValue<T>(schema: z.ZodType<T>, raw: string | undefined, from: Person): ValueRead<T> {
  const parsed = raw === undefined || raw.length > BUTTON_VALUE_MAX ? undefined : schema.safeParse(raw);
  return parsed?.success ? { ok: true, value: parsed.data } : { ok: false, refusal: refuseButton(from) };
}
