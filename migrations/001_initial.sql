-- Flow runs: one row per conversation a flow is having; state is the flow's own JSON.
CREATE TABLE flow_runs (
  id          uuid PRIMARY KEY,
  flow        text NOT NULL,
  version     integer NOT NULL,
  tenant      text NOT NULL,
  place       jsonb NOT NULL,
  place_key   text NOT NULL,
  started_by  jsonb NOT NULL,
  state       jsonb NOT NULL,
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'closed')),
  rev         integer NOT NULL DEFAULT 0,
  wake_at     timestamptz,
  source_url  text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
-- One place has one active run of a flow.
CREATE UNIQUE INDEX flow_runs_one_active ON flow_runs (flow, place_key) WHERE status = 'active';
CREATE INDEX flow_runs_by_place ON flow_runs (place_key, created_at DESC);
CREATE INDEX flow_runs_due ON flow_runs (wake_at) WHERE status = 'active' AND wake_at IS NOT NULL;

-- Platform retries carry the same delivery id; a row here means the event was applied.
CREATE TABLE processed_deliveries (
  delivery_id  text PRIMARY KEY,
  processed_at timestamptz NOT NULL
);
CREATE INDEX processed_deliveries_age ON processed_deliveries (processed_at);

-- Messages a flow wants sent, written in the same transaction as its state.
CREATE TABLE outbox (
  id           bigserial PRIMARY KEY,
  run_id       uuid NOT NULL REFERENCES flow_runs (id),
  message      jsonb NOT NULL,
  key          text,
  posted       jsonb,
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  delivered_at timestamptz,
  created_at   timestamptz NOT NULL
);
CREATE INDEX outbox_pending ON outbox (run_id, id) WHERE delivered_at IS NULL;
CREATE INDEX outbox_by_key ON outbox (run_id, key) WHERE posted IS NOT NULL;

-- The shared lessons library.
CREATE TABLE lessons (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant          text NOT NULL,
  title           text NOT NULL,
  recommendation  text NOT NULL,
  observation     text NOT NULL DEFAULT '',
  reason          text NOT NULL DEFAULT '',
  technique       text NOT NULL,
  tags            text[] NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'validated', 'approved', 'applied')),
  contributors    jsonb NOT NULL DEFAULT '[]',
  source_platform text NOT NULL,
  source_channel  text NOT NULL,
  source_thread   text,
  source_url      text,
  run_id          uuid REFERENCES flow_runs (id),
  draft_key       text,
  created_at      timestamptz NOT NULL,
  search          tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', title), 'A') ||
                    setweight(to_tsvector('english', recommendation), 'B') ||
                    setweight(to_tsvector('english', observation || ' ' || reason), 'C')
                  ) STORED,
  -- Saving the same review twice adds nothing.
  UNIQUE (run_id, draft_key)
);
CREATE INDEX lessons_search ON lessons USING gin (search);
CREATE INDEX lessons_tags ON lessons USING gin (tags);
CREATE INDEX lessons_by_tenant ON lessons (tenant, created_at DESC);
