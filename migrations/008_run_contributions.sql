-- A run's contributions (a review's answers), one row each, so adding one is a single INSERT however many came before.
CREATE TABLE run_contributions (
  id         bigserial PRIMARY KEY,
  run_id     uuid NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE,
  key        text NOT NULL,
  body       jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (run_id, key)
);

-- The reviews kept their answers inside the state until now: move them out, in their order.
INSERT INTO run_contributions (run_id, key, body, created_at)
SELECT r.id, a.answer->>'messageId', a.answer, r.updated_at
FROM flow_runs r, jsonb_array_elements(r.state->'answers') WITH ORDINALITY AS a(answer, n)
WHERE r.flow IN ('after-action-review', 'before-action-review') AND jsonb_typeof(r.state->'answers') = 'array'
ORDER BY r.id, a.n
ON CONFLICT (run_id, key) DO NOTHING;

UPDATE flow_runs SET state = state - 'answers'
WHERE flow IN ('after-action-review', 'before-action-review') AND state ? 'answers';
