-- Who took part in a review (everyone who answered, and its facilitator), kept with the review (issue 12): a lesson's
-- contributors are now only the people whose words it is made of, and its run_id still links it to the review.
CREATE TABLE review_participants (
  run_id      uuid NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE,
  tenant      text NOT NULL,
  person_id   text NOT NULL,
  person_name text,
  -- The facilitator first, then everyone in the order they first answered.
  position    integer NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (run_id, person_id)
);

-- Until now every lesson of a review named everyone in it, so the people its lessons name are its participants.
-- The order of the review's first lesson (its author, the facilitator, then everyone who answered) is kept.
WITH named AS (
  SELECT l.run_id, l.tenant, l.created_at, c.person->>'id' AS person_id, c.person->>'name' AS person_name, c.n,
         dense_rank() OVER (PARTITION BY l.run_id ORDER BY l.created_at, l.draft_key, l.id) AS lesson_n
    FROM lessons l, jsonb_array_elements(l.contributors) WITH ORDINALITY AS c(person, n)
   WHERE l.run_id IS NOT NULL AND jsonb_typeof(l.contributors) = 'array' AND c.person->>'id' IS NOT NULL
), firsts AS (
  SELECT DISTINCT ON (run_id, person_id) run_id, tenant, person_id, person_name, created_at, lesson_n, n
    FROM named ORDER BY run_id, person_id, lesson_n, n
)
INSERT INTO review_participants (run_id, tenant, person_id, person_name, position, recorded_at)
SELECT run_id, tenant, person_id, person_name, (row_number() OVER (PARTITION BY run_id ORDER BY lesson_n, n))::int, created_at
  FROM firsts
ON CONFLICT (run_id, person_id) DO NOTHING;
