-- People who asked not to be suggested by "who has done this before?" (/learn who opt-out), per organisation.
-- No unique key: two workspaces joining one organisation may both hold a row for one person, which means the same.
CREATE TABLE who_opt_outs (
  tenant       text NOT NULL,
  person_id    text NOT NULL,
  opted_out_at timestamptz NOT NULL
);
CREATE INDEX who_opt_outs_by_person ON who_opt_outs (tenant, person_id);
