-- Lessons move on (validated, approved, applied), are edited and archived, never silently deleted:
-- every change is an event with who and when.
ALTER TABLE lessons ADD COLUMN archived_at timestamptz;

CREATE TABLE lesson_events (
  id        bigserial PRIMARY KEY,
  lesson_id uuid NOT NULL REFERENCES lessons (id),
  tenant    text NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('validated', 'approved', 'applied', 'edited', 'archived', 'restored')),
  actor     jsonb NOT NULL,
  -- edited: {"before": {...}, "after": {...}}; applied: {"evidence": "..."}; approved: {"community": "<id>"}.
  detail    jsonb NOT NULL DEFAULT '{}',
  at        timestamptz NOT NULL
);
CREATE INDEX lesson_events_by_lesson ON lesson_events (lesson_id, at);
CREATE INDEX lesson_events_by_time ON lesson_events (tenant, at);

-- Actions with an owner and a due date: from a lesson, an AAR's lessons or a BAR's last question.
CREATE TABLE lesson_actions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant      text NOT NULL,
  lesson_id   uuid REFERENCES lessons (id),
  run_id      uuid REFERENCES flow_runs (id),
  draft_key   text,
  -- The channel (and thread) the action was agreed in, when there was one.
  place       jsonb,
  text        text NOT NULL,
  owner       jsonb NOT NULL,
  owner_id    text NOT NULL,
  due_on      date NOT NULL,
  -- When the owner is asked: 09:00 on due_on in time_zone.
  remind_at   timestamptz NOT NULL,
  time_zone   text NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  evidence    text,
  created_by  jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  closed_at   timestamptz,
  -- A run that is retried never adds its actions twice.
  UNIQUE (run_id, draft_key)
);
CREATE INDEX lesson_actions_due ON lesson_actions (remind_at) WHERE status = 'open';
CREATE INDEX lesson_actions_by_lesson ON lesson_actions (lesson_id);
CREATE INDEX lesson_actions_open ON lesson_actions (tenant, due_on) WHERE status = 'open';

-- Lessons a Before Action Review recalled, and what each participant thought of them.
CREATE TABLE lesson_recalls (
  run_id      uuid NOT NULL REFERENCES flow_runs (id),
  lesson_id   uuid NOT NULL REFERENCES lessons (id),
  tenant      text NOT NULL,
  position    integer NOT NULL,
  recalled_at timestamptz NOT NULL,
  PRIMARY KEY (run_id, lesson_id)
);
CREATE TABLE lesson_feedback (
  lesson_id uuid NOT NULL REFERENCES lessons (id),
  run_id    uuid NOT NULL REFERENCES flow_runs (id),
  person_id text NOT NULL,
  tenant    text NOT NULL,
  useful    boolean NOT NULL,
  at        timestamptz NOT NULL,
  -- One opinion per person per recall; changing one's mind replaces it.
  PRIMARY KEY (lesson_id, run_id, person_id)
);
CREATE INDEX lesson_feedback_by_lesson ON lesson_feedback (lesson_id);
CREATE INDEX lesson_feedback_by_time ON lesson_feedback (tenant, at);

-- Communities of practice: a channel with a domain (its tags), an owner and a weekly digest.
CREATE TABLE communities (
  id              uuid PRIMARY KEY,
  tenant          text NOT NULL,
  place           jsonb NOT NULL,
  place_key       text NOT NULL,
  name            text NOT NULL,
  tags            text[] NOT NULL,
  owner           jsonb NOT NULL,
  owner_id        text NOT NULL,
  -- {"weekday": 1-7 (Monday 1), "time": "HH:mm", "timeZone": "Europe/London"}
  digest          jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  review_asked_at timestamptz,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  archived_at     timestamptz
);
-- One active community per channel; an archived one stays, and the channel may start again.
CREATE UNIQUE INDEX communities_one_per_channel ON communities (place_key) WHERE status = 'active';
CREATE INDEX communities_active ON communities (tenant) WHERE status = 'active';
CREATE INDEX communities_tags ON communities USING gin (tags);
