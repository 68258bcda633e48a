// SQL for the address book: how each platform reaches a conversation or a person it was spoken to from.
import type { Platform } from '../core/model';
import type { AddressBook } from '../core/ports';
import type { Db, Sql } from './db';

export async function saveAddress(q: Sql, platform: Platform, tenant: string, key: string, address: unknown, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO platform_addresses (platform, tenant, key, address, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (platform, tenant, key) DO UPDATE SET address = EXCLUDED.address, updated_at = EXCLUDED.updated_at`,
    [platform, tenant, key, JSON.stringify(address), now],
  );
}

/** One atomic insert decides, so two processes asking at once cannot both win. */
export async function claimAddress(q: Sql, platform: Platform, tenant: string, key: string, address: unknown, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO platform_addresses (platform, tenant, key, address, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (platform, tenant, key) DO NOTHING RETURNING key`,
    [platform, tenant, key, JSON.stringify(address), now],
  );
  return rows.length === 1;
}

/** The stored address, still to be checked by the adapter that wrote it (it is a boundary like any other). */
export async function loadAddress(q: Sql, platform: Platform, tenant: string, key: string): Promise<unknown> {
  const rows = await q.query('SELECT address FROM platform_addresses WHERE platform = $1 AND tenant = $2 AND key = $3', [platform, tenant, key]);
  return rows[0]?.address;
}

/** One platform's address book on the database. */
export function addressBook(db: Db, platform: Platform, clock: () => Date): AddressBook {
  return {
    save: (tenant, key, address) => saveAddress(db, platform, tenant, key, address, clock()),
    load: (tenant, key) => loadAddress(db, platform, tenant, key),
    claim: (tenant, key, address) => claimAddress(db, platform, tenant, key, address, clock()),
  };
}
