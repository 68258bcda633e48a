-- How to reach a conversation or a person later without being spoken to first (Teams: a conversation reference and
-- its service URL), saved whenever the app is installed or spoken to. Digests, reminders and coffee rounds need them.
CREATE TABLE platform_addresses (
  platform   text NOT NULL,
  tenant     text NOT NULL,
  key        text NOT NULL,
  address    jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (platform, tenant, key)
);
