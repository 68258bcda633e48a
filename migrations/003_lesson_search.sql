-- Every search is inside one organisation: one GIN index over (tenant, search, tags) finds its matches directly,
-- instead of intersecting the organisation's rows with every row in the library that has the word (see bench:search).
-- The tenant column needs btree_gin (embedded PGlite loads it too); a server where it cannot be created still searches, unindexed.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin')
     AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin')
     AND has_database_privilege(current_database(), 'CREATE') THEN
    CREATE EXTENSION btree_gin;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') THEN
    CREATE INDEX lessons_tenant_search ON lessons USING gin (tenant, search, tags);
  END IF;
END
$$;
