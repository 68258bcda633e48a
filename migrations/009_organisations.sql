-- Mobilise's own organisations (issue 11): the `tenant` column of every organisation's row now holds an organisation
-- key, not a platform tenant. An unjoined Slack workspace is its own organisation keyed by its workspace id (what its rows
-- already hold); an unjoined Teams team is its own organisation keyed by its team id, because the Entra tenant is shared
-- by most NHS organisations (NHSmail). A registered organisation's key is 'org:' and its ODS code or name.
CREATE TABLE organisations (
  key        text PRIMARY KEY,
  name       text NOT NULL,
  ods_code   text UNIQUE,
  created_at timestamptz NOT NULL
);

-- A workspace or team joined to a registered organisation; one not listed here is its own organisation.
CREATE TABLE organisation_members (
  platform     text NOT NULL CHECK (platform IN ('slack', 'teams')),
  scope        text NOT NULL,
  organisation text NOT NULL REFERENCES organisations (key),
  joined_at    timestamptz NOT NULL,
  PRIMARY KEY (platform, scope)
);
CREATE INDEX organisation_members_by_organisation ON organisation_members (organisation);

-- Teams rows were keyed by the Entra tenant; each channel's team is in the address book, so its rows move to that team.
-- Rows from chats, and from channels whose team was never learnt, stay with the tenant (a chat's fallback organisation).
CREATE TEMP TABLE teams_channel_team ON COMMIT DROP AS
  SELECT tenant, substr(key, length('conversation:') + 1) AS channel, address->>'teamId' AS team
    FROM platform_addresses
   WHERE platform = 'teams' AND key LIKE 'conversation:%' AND address->>'teamId' IS NOT NULL;

UPDATE flow_runs r SET tenant = t.team FROM teams_channel_team t
 WHERE r.place->>'platform' = 'teams' AND r.tenant = t.tenant AND r.place->>'channel' = t.channel;
UPDATE coffee_programmes p SET tenant = t.team FROM teams_channel_team t
 WHERE p.place->>'platform' = 'teams' AND p.tenant = t.tenant AND p.place->>'channel' = t.channel;
UPDATE communities c SET tenant = t.team FROM teams_channel_team t
 WHERE c.place->>'platform' = 'teams' AND c.tenant = t.tenant AND c.place->>'channel' = t.channel;

-- What a review produced belongs where the review ran; the rest follows its lesson (or, for an action, its run).
UPDATE lessons l SET tenant = r.tenant FROM flow_runs r
 WHERE l.run_id = r.id AND l.source_platform = 'teams' AND l.tenant <> r.tenant;
UPDATE lesson_actions a SET tenant = l.tenant FROM lessons l
 WHERE a.lesson_id = l.id AND l.source_platform = 'teams' AND a.tenant <> l.tenant;
UPDATE lesson_actions a SET tenant = r.tenant FROM flow_runs r
 WHERE a.lesson_id IS NULL AND a.run_id = r.id AND r.place->>'platform' = 'teams' AND a.tenant <> r.tenant;
UPDATE lesson_events e SET tenant = l.tenant FROM lessons l
 WHERE e.lesson_id = l.id AND l.source_platform = 'teams' AND e.tenant <> l.tenant;
UPDATE lesson_recalls c SET tenant = l.tenant FROM lessons l
 WHERE c.lesson_id = l.id AND l.source_platform = 'teams' AND c.tenant <> l.tenant;
UPDATE lesson_feedback f SET tenant = l.tenant FROM lessons l
 WHERE f.lesson_id = l.id AND l.source_platform = 'teams' AND f.tenant <> l.tenant;
