// zod schemas for the neutral model, for data that comes back from storage or the wire.
import { z } from 'zod';
import type { Person, Place } from './model';

export const platformSchema = z.enum(['slack', 'teams', 'console']);

export const placeSchema: z.ZodType<Place> = z.object({
  platform: platformSchema,
  tenant: z.string(),
  channel: z.string(),
  thread: z.string().optional(),
  scope: z.string().optional(),
});

export const personSchema: z.ZodType<Person> = z.object({
  platform: platformSchema,
  tenant: z.string(),
  id: z.string(),
  name: z.string().optional(),
});
