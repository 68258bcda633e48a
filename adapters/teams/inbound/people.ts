// The people picker answers with a person's Microsoft Entra object id; Mobilise knows people by their Teams id.
import type { Inbound } from '../../../src/core/model';
import type { TeamsActivity } from '../activity';
import type { TeamsAddresses } from '../addresses';
import { readDialogSubmit, readExecute, readSubmission } from '../cards';
import { tenantOf } from './place';

/** The fields of a submitted form that were answered with the people picker. */
function pickedFields(a: TeamsActivity): string[] {
  const submission = a.type === 'invoke' ? (readExecute(a.value) ?? readDialogSubmit(a.value)) : readSubmission(a.value);
  return submission?.kind === 'form' ? (submission.people ?? []) : [];
}

/**
 * Each picked person becomes their Teams id when Mobilise has seen them; someone never seen keeps the Entra id,
 * which Teams also accepts for starting a chat with them.
 */
export async function withPeopleResolved(addresses: TeamsAddresses, a: TeamsActivity, event: Inbound | undefined): Promise<Inbound | undefined> {
  if (event?.kind !== 'form') return event;
  const fields = { ...event.fields };
  for (const field of pickedFields(a)) {
    const objectId = fields[field];
    if (objectId === undefined || objectId === '') continue;
    const id = await addresses.personByEntraId(tenantOf(a), objectId);
    if (id !== undefined) fields[field] = id;
  }
  return { ...event, fields };
}
