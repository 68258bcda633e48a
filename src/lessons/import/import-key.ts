// Names a lesson by its organisation, title and recommendation, so importing the same file twice adds nothing.
import { createHash } from 'node:crypto';

/** Case, spacing and line breaks differ between copies of a spreadsheet; the lesson does not. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function importKey(tenant: string, title: string, recommendation: string): string {
  return createHash('sha256').update(JSON.stringify([tenant, normalise(title), normalise(recommendation)])).digest('hex');
}
