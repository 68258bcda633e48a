// The card tree as zod, for cards read back from somewhere Mobilise wrote them (the sandbox's saved session).
import { z } from 'zod';
import type { Block, Card } from './card';
import { personSchema } from './schemas';

const buttonSchema = z.object({
  action: z.string(),
  label: z.string(),
  value: z.string().optional(),
  style: z.enum(['primary', 'danger']).optional(),
});

const blockSchema: z.ZodType<Block> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('meet'), people: z.array(personSchema), topic: z.string(), start: z.string().optional(), end: z.string().optional() }),
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('fields'), fields: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({ type: z.literal('buttons'), buttons: z.array(buttonSchema) }),
  z.object({ type: z.literal('divider') }),
  z.object({ type: z.literal('context'), text: z.string() }),
]);

export const cardSchema: z.ZodType<Card> = z.object({ text: z.string(), blocks: z.array(blockSchema) });
