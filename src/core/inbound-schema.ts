// zod for an Inbound read back from somewhere Mobilise wrote it earlier (the spool on disk): a boundary like any other.
import { z } from 'zod';
import type { Inbound } from './model';
import { personSchema, placeSchema } from './schemas';

const common = { place: placeSchema, deliveryId: z.string(), organisation: z.string().optional() };
const said = { ...common, from: personSchema };

export const inboundSchema: z.ZodType<Inbound> = z.discriminatedUnion('kind', [
  z.object({ ...said, kind: z.literal('command'), name: z.string(), text: z.string(), trigger: z.string().optional() }),
  z.object({ ...said, kind: z.literal('reply'), text: z.string(), messageId: z.string() }),
  z.object({ ...said, kind: z.literal('reply-edited'), text: z.string(), messageId: z.string() }),
  z.object({ ...common, kind: z.literal('reply-deleted'), messageId: z.string() }),
  z.object({ ...said, kind: z.literal('action'), action: z.string(), value: z.string().optional(), trigger: z.string().optional() }),
  z.object({ ...said, kind: z.literal('form'), form: z.string(), fields: z.record(z.string(), z.string()) }),
]);
