// SQL for communities of practice: one active community per channel, with its domain (tags), owner and digest time.
import { z } from 'zod';
import type { Person, Place } from '../core/model';
import { personSchema, placeSchema } from '../core/schemas';
import { digestTimeSchema, type DigestTime } from '../communities/digest-time';
import type { Sql } from './db';

export interface Community {
  id: string;
  tenant: string;
  place: Place;
  name: string;
  tags: string[];
  /** The lead owner: asked whether the community should carry on, and named as who looks after it. */
  owner: Person;
  /** Owners beside the lead, with the same rights, in the order they were added. */
  coOwners: Person[];
  digest: DigestTime;
  status: 'active' | 'archived';
  /** The digest slot at which the owner was last asked whether the community should carry on. */
  reviewAskedAt?: Date;
  createdAt: Date;
  archivedAt?: Date;
}

const communityRow = z.object({
  id: z.string(),
  tenant: z.string(),
  place: placeSchema,
  name: z.string(),
  tags: z.array(z.string()),
  owner: personSchema,
  co_owners: z.array(personSchema),
  digest: digestTimeSchema,
  status: z.enum(['active', 'archived']),
  review_asked_at: z.coerce.date().nullable(),
  created_at: z.coerce.date(),
  archived_at: z.coerce.date().nullable(),
});

/** A community's co-owners as one JSON array, for any query on `communities` (not aliased). */
const CO_OWNERS = `(SELECT coalesce(jsonb_agg(co.owner ORDER BY co.added_at, co.owner_id), '[]'::jsonb)
                      FROM community_owners co WHERE co.community_id = communities.id) AS co_owners`;
const COLUMNS = `id, tenant, place, name, tags, owner, ${CO_OWNERS}, digest, status, review_asked_at, created_at, archived_at`;

function toCommunity(row: unknown): Community {
  const r = communityRow.parse(row);
  return {
    id: r.id,
    tenant: r.tenant,
    place: r.place,
    name: r.name,
    tags: r.tags,
    owner: r.owner,
    coOwners: r.co_owners,
    digest: r.digest,
    status: r.status,
    ...(r.review_asked_at === null ? {} : { reviewAskedAt: r.review_asked_at }),
    createdAt: r.created_at,
    ...(r.archived_at === null ? {} : { archivedAt: r.archived_at }),
  };
}

export interface NewCommunity {
  id: string;
  /** The organisation's key: not the place's tenant, which a Teams team shares with every team in its Entra tenant. */
  tenant: string;
  place: Place;
  placeKey: string;
  name: string;
  tags: string[];
  owner: Person;
  digest: DigestTime;
}

/** Makes the channel a community; false when the channel already has an active one. */
export async function insertCommunity(q: Sql, c: NewCommunity, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO communities (id, tenant, place, place_key, name, tags, owner, owner_id, digest, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $10)
     ON CONFLICT (place_key) WHERE status = 'active' DO NOTHING RETURNING id`,
    [c.id, c.tenant, JSON.stringify(c.place), c.placeKey, c.name, c.tags, JSON.stringify(c.owner), c.owner.id, JSON.stringify(c.digest), now],
  );
  return rows.length === 1;
}

/** The channel's active community, locked for the rest of the transaction when `lock` is set. */
export async function activeCommunityAt(q: Sql, placeKey: string, lock = false): Promise<Community | undefined> {
  const rows = await q.query(`SELECT ${COLUMNS} FROM communities WHERE place_key = $1 AND status = 'active'${lock ? ' FOR UPDATE' : ''}`, [
    placeKey,
  ]);
  return rows[0] ? toCommunity(rows[0]) : undefined;
}

/** A community of this organisation by id (a button's value comes from outside, so the tenant is checked too). */
export async function communityById(q: Sql, tenant: string, id: string, lock = false): Promise<Community | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const rows = await q.query(`SELECT ${COLUMNS} FROM communities WHERE id = $1 AND tenant = $2${lock ? ' FOR UPDATE' : ''}`, [id, tenant]);
  return rows[0] ? toCommunity(rows[0]) : undefined;
}

/** Every organisation's active communities, for the scheduler; `tenant` narrows it to one. */
export async function activeCommunities(q: Sql, tenant?: string): Promise<Community[]> {
  const rows = await q.query(
    `SELECT ${COLUMNS} FROM communities WHERE status = 'active' AND ($1::text IS NULL OR tenant = $1) ORDER BY created_at, id`,
    [tenant ?? null],
  );
  return rows.map(toCommunity);
}

export async function setCommunityTags(q: Sql, id: string, tags: string[], now: Date): Promise<void> {
  await q.query('UPDATE communities SET tags = $2, updated_at = $3 WHERE id = $1', [id, tags, now]);
}

export async function setCommunityOwner(q: Sql, id: string, owner: Person, now: Date): Promise<void> {
  await q.query('UPDATE communities SET owner = $2, owner_id = $3, updated_at = $4 WHERE id = $1', [id, JSON.stringify(owner), owner.id, now]);
  // A co-owner who becomes the lead is not listed twice.
  await q.query('DELETE FROM community_owners WHERE community_id = $1 AND owner_id = $2', [id, owner.id]);
}

export async function setDigestTime(q: Sql, id: string, digest: DigestTime, now: Date): Promise<void> {
  await q.query('UPDATE communities SET digest = $2, updated_at = $3 WHERE id = $1', [id, JSON.stringify(digest), now]);
}

/** Stops the digests; the lessons stay in the library, and the channel may start a new community. */
export async function archiveCommunity(q: Sql, id: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    "UPDATE communities SET status = 'archived', archived_at = $2, updated_at = $2 WHERE id = $1 AND status = 'active' RETURNING id",
    [id, now],
  );
  return rows.length === 1;
}

export async function markReviewAsked(q: Sql, id: string, at: Date): Promise<void> {
  await q.query('UPDATE communities SET review_asked_at = $2 WHERE id = $1', [id, at]);
}

/** A community by id for its scheduled step (the scheduler's own job name, not user input), locked for the step. */
export async function communityForStep(q: Sql, id: string): Promise<Community | undefined> {
  const rows = await q.query(`SELECT ${COLUMNS} FROM communities WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toCommunity(rows[0]) : undefined;
}

/** A community that may adopt a lesson: its owners approve it, and look after it with its contributors. */
export interface CommunityOfLesson {
  id: string;
  name: string;
  /** The lead owner first, then any co-owners. */
  owners: Person[];
}

const lessonCommunityRow = z.object({ id: z.string(), name: z.string(), owner: personSchema, co_owners: z.array(personSchema) });

/**
 * The organisation's active communities whose tags overlap `tags` (any of them when the lesson has none),
 * oldest first; with `ownerId`, only those that person owns.
 */
export async function communitiesForTags(q: Sql, tenant: string, tags: readonly string[], ownerId?: string): Promise<CommunityOfLesson[]> {
  const rows = await q.query(
    `SELECT id, name, owner, ${CO_OWNERS} FROM communities
      WHERE tenant = $1 AND status = 'active' AND (cardinality($2::text[]) = 0 OR tags && $2::text[])
        AND ($3::text IS NULL OR owner_id = $3
             OR EXISTS (SELECT 1 FROM community_owners co WHERE co.community_id = communities.id AND co.owner_id = $3))
      ORDER BY created_at, id`,
    [tenant, [...tags], ownerId ?? null],
  );
  return rows.map((row) => {
    const r = lessonCommunityRow.parse(row);
    return { id: r.id, name: r.name, owners: [r.owner, ...r.co_owners] };
  });
}

/** The community through which this person may approve (or look after) a lesson with these tags, if any. */
export async function communityOwnedBy(q: Sql, tenant: string, personId: string, tags: readonly string[]): Promise<CommunityOfLesson | undefined> {
  const [first] = await communitiesForTags(q, tenant, tags, personId);
  return first;
}

/** False when they are a co-owner already. */
export async function addCoOwner(q: Sql, id: string, owner: Person, now: Date): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO community_owners (community_id, owner_id, owner, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING owner_id',
    [id, owner.id, JSON.stringify(owner), now],
  );
  return rows.length === 1;
}

/** False when they were not a co-owner. */
export async function removeCoOwner(q: Sql, id: string, ownerId: string): Promise<boolean> {
  const rows = await q.query('DELETE FROM community_owners WHERE community_id = $1 AND owner_id = $2 RETURNING owner_id', [id, ownerId]);
  return rows.length === 1;
}
