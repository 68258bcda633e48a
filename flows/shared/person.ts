// Copying a person before it is stored.
import type { Person } from '../../src/core/model';

/** A copy holding only the Person fields, so nothing else an adapter attached gets stored. */
export function personOf(p: Person): Person {
  return p.name === undefined
    ? { platform: p.platform, tenant: p.tenant, id: p.id }
    : { platform: p.platform, tenant: p.tenant, id: p.id, name: p.name };
}
