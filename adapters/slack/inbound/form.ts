// view_submission for a modal we opened -> neutral 'form'.
import { z } from 'zod';
import { FORM_VALUE_FIELD } from '../../../src/core/card';
import type { Inbound } from '../../../src/core/model';
import { readInput, submittedInputSchema } from '../form-inputs';
import { formMetadataSchema } from '../modal';
import { slackPerson, slackUserSchema } from './neutral';

const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: slackUserSchema,
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string().min(1),
    private_metadata: z.string().default(''),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), submittedInputSchema)),
    }),
  }),
});


export function viewToInbound(body: unknown): Inbound | undefined {
  const parsed = viewSubmissionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { team, user, view } = parsed.data;
  const metadata = readMetadata(view.private_metadata);
  if (metadata === undefined) return undefined;
  const fields: Record<string, string> = {};
  for (const block of Object.values(view.state.values)) {
    for (const [fieldId, input] of Object.entries(block)) fields[fieldId] = readInput(input);
  }
  if (metadata.value !== undefined) fields[FORM_VALUE_FIELD] = metadata.value;
  const tenant = team?.id ?? user.team_id ?? metadata.place.tenant;
  return {
    kind: 'form',
    form: view.callback_id,
    fields,
    from: slackPerson(tenant, user.id, user.name ?? user.username),
    place: metadata.place,
    deliveryId: `slack:view:${view.id}`,
  };
}

function readMetadata(text: string): z.infer<typeof formMetadataSchema> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = formMetadataSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
