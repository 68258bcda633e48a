// The card tree and forms as zod, for what is read back from somewhere Mobilise wrote it (the sandbox's saved session,
// a Teams form kept so it can be shown again).
import { z } from 'zod';
import type { Block, Card, FormSpec } from './card';
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

const formFieldSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'select', 'checkbox', 'person']).optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  value: z.string().optional(),
  multiline: z.boolean().optional(),
  optional: z.boolean().optional(),
  maxLength: z.number().int().positive().optional(),
  hint: z.string().optional(),
  problem: z.string().optional(),
});

export const formSpecSchema: z.ZodType<FormSpec> = z.object({
  id: z.string(),
  title: z.string(),
  submitLabel: z.string(),
  fields: z.array(formFieldSchema),
  value: z.string().optional(),
});
