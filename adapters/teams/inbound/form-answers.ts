// A form is filled in in the person's own chat with the bot; its answer belongs where it was asked for, and a person
// chosen with the people picker arrives as their Microsoft Entra object id rather than the Teams id Mobilise knows.
import type { Inbound } from '../../../src/core/model';
import type { TeamsActivity } from '../activity';
import type { TeamsAddresses } from '../addresses';
import { readDialogSubmit, readExecute, readSubmission } from '../cards';
import { tenantOf } from './place';

type FormEvent = Extract<Inbound, { kind: 'form' }>;

function submittedForm(a: TeamsActivity): { people: string[]; asked?: string } | undefined {
  const submission = a.type === 'invoke' ? (readExecute(a.value) ?? readDialogSubmit(a.value)) : readSubmission(a.value);
  if (submission?.kind !== 'form') return undefined;
  return { people: submission.people ?? [], ...(submission.asked === undefined ? {} : { asked: submission.asked }) };
}

/** The token a submitted form carries back, naming where it was asked for (and the form as it was sent). */
export function formToken(a: TeamsActivity): string | undefined {
  return submittedForm(a)?.asked;
}

/**
 * Moves a submitted form to the place it was asked for, and turns each picked person into their Teams id when Mobilise
 * has seen them (someone never seen keeps the Entra id, which Teams also accepts for starting a chat with them).
 * A form whose token is unknown, or that someone other than its recipient sent, is dropped.
 */
export async function withFormResolved(addresses: TeamsAddresses, a: TeamsActivity, event: Inbound | undefined): Promise<Inbound | undefined> {
  const form = event?.kind === 'form' ? submittedForm(a) : undefined;
  if (event?.kind !== 'form' || form === undefined) return event;
  const tenant = tenantOf(a);
  let place = event.place;
  if (form.asked !== undefined) {
    const origin = await addresses.formOrigin(tenant, form.asked);
    if (origin?.person !== event.from.id) return undefined;
    place = { platform: 'teams', tenant, channel: origin.channel, ...(origin.thread === undefined ? {} : { thread: origin.thread }) };
  }
  return { ...event, place, fields: await withPeopleResolved(addresses, tenant, event, form.people) };
}

async function withPeopleResolved(addresses: TeamsAddresses, tenant: string, event: FormEvent, people: string[]): Promise<Record<string, string>> {
  const fields = { ...event.fields };
  for (const field of people) {
    const objectId = fields[field];
    if (objectId === undefined || objectId === '') continue;
    const id = await addresses.personByEntraId(tenant, objectId);
    if (id !== undefined) fields[field] = id;
  }
  return fields;
}
