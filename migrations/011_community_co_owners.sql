-- A community of practice may have co-owners beside its lead owner (issue 12), so that a lesson its lead contributed to
-- can still be approved by someone who did not. The lead stays in communities.owner; only co-owners are listed here.
CREATE TABLE community_owners (
  community_id uuid NOT NULL REFERENCES communities (id),
  owner_id     text NOT NULL,
  owner        jsonb NOT NULL,
  added_at     timestamptz NOT NULL,
  PRIMARY KEY (community_id, owner_id)
);
