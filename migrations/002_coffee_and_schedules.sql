-- Scheduled steps: the replica whose insert wins a (job, slot) runs it, in the same transaction.
CREATE TABLE job_claims (
  job        text NOT NULL,
  slot       timestamptz NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (job, slot)
);

-- The outbox carries messages of scheduled steps too, which belong to no run: each row names its stream
-- (a run id, or e.g. 'coffee:<programme>'), delivered in order; dedupe_key makes a retried step add nothing.
ALTER TABLE outbox ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN stream text;
UPDATE outbox SET stream = run_id::text;
ALTER TABLE outbox ALTER COLUMN stream SET NOT NULL;
ALTER TABLE outbox ADD COLUMN dedupe_key text UNIQUE;
-- A platform's "slow down" defers a row without counting as a failed attempt.
ALTER TABLE outbox ADD COLUMN not_before timestamptz;
-- Set just before a keyed message is sent: a retry that finds it set asks the platform whether it got through.
ALTER TABLE outbox ADD COLUMN sending_at timestamptz;
DROP INDEX outbox_pending;
DROP INDEX outbox_by_key;
CREATE INDEX outbox_pending ON outbox (stream, id) WHERE delivered_at IS NULL;
CREATE INDEX outbox_by_key ON outbox (stream, key) WHERE posted IS NOT NULL;

-- Randomised Coffee Trials: one programme per channel.
CREATE TABLE coffee_programmes (
  id           uuid PRIMARY KEY,
  tenant       text NOT NULL,
  place        jsonb NOT NULL,
  place_key    text NOT NULL UNIQUE,
  organiser    jsonb NOT NULL,
  settings     jsonb NOT NULL,
  -- Round `anchor_round` starts at `anchor_at`; later rounds follow every settings.everyWeeks.
  anchor_round integer NOT NULL,
  anchor_at    timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX coffee_programmes_active ON coffee_programmes (status) WHERE status = 'active';

-- Opt-in only: a row here is someone who said join.
CREATE TABLE coffee_members (
  programme_id uuid NOT NULL REFERENCES coffee_programmes (id),
  person_id    text NOT NULL,
  person       jsonb NOT NULL,
  team         text,
  status       text NOT NULL CHECK (status IN ('active', 'left')),
  paused_until timestamptz,
  joined_at    timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (programme_id, person_id)
);

CREATE TABLE coffee_rounds (
  programme_id uuid NOT NULL REFERENCES coffee_programmes (id),
  round        integer NOT NULL,
  starts_at    timestamptz NOT NULL,
  seed         bigint NOT NULL,
  sitting_out  text[] NOT NULL DEFAULT '{}',
  repeats      integer NOT NULL DEFAULT 0,
  matched_at   timestamptz NOT NULL,
  PRIMARY KEY (programme_id, round)
);

CREATE TABLE coffee_groups (
  programme_id uuid NOT NULL,
  round        integer NOT NULL,
  idx          integer NOT NULL,
  members      text[] NOT NULL,
  PRIMARY KEY (programme_id, round, idx),
  FOREIGN KEY (programme_id, round) REFERENCES coffee_rounds (programme_id, round)
);

-- "Did you meet?": the latest answer of each person for a round.
CREATE TABLE coffee_answers (
  programme_id uuid NOT NULL,
  round        integer NOT NULL,
  person_id    text NOT NULL,
  answer       text NOT NULL CHECK (answer IN ('yes', 'not-yet', 'could-not')),
  comment      text,
  answered_at  timestamptz NOT NULL,
  PRIMARY KEY (programme_id, round, person_id),
  FOREIGN KEY (programme_id, round) REFERENCES coffee_rounds (programme_id, round)
);
