// Renders a FormSpec as a Slack modal; the place and the form's value ride along in private_metadata.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { FormSpec } from '../../src/core/card';
import type { Place } from '../../src/core/model';
import { cutEscaped } from './escape';
import { renderInput } from './form-inputs';

const MODAL_LIMITS = { title: 24, submit: 24, inputs: 100, metadata: 3000 } as const;

const placeSchema = z.object({
  platform: z.literal('slack'),
  tenant: z.string().min(1),
  channel: z.string().min(1),
  thread: z.string().min(1).optional(),
});

/** What openForm writes into private_metadata; a submission that does not match is not ours. */
export const formMetadataSchema = z.object({ place: placeSchema, value: z.string().optional() });
export type FormMetadata = z.infer<typeof formMetadataSchema>;

export function renderModal(place: Place, form: FormSpec): types.ModalView {
  const metadata = JSON.stringify(formMetadataSchema.parse({ place, value: form.value }));
  if (metadata.length > MODAL_LIMITS.metadata) {
    throw new RangeError(`form ${form.id}: private_metadata is ${metadata.length} chars, Slack allows ${MODAL_LIMITS.metadata}`);
  }
  if (form.fields.length > MODAL_LIMITS.inputs) {
    throw new RangeError(`form ${form.id}: ${form.fields.length} fields, Slack allows ${MODAL_LIMITS.inputs}`);
  }
  return {
    type: 'modal',
    callback_id: form.id,
    private_metadata: metadata,
    title: plain(form.title, MODAL_LIMITS.title),
    submit: plain(form.submitLabel, MODAL_LIMITS.submit),
    close: plain('Cancel', MODAL_LIMITS.submit),
    blocks: form.fields.map((field) => renderInput(form.id, field)),
  };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: cutEscaped(text, max), emoji: true };
}
