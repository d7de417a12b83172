-- Which numbered migrations each add-on part of the database has had: a view ('view:<name>', its
-- table is named per view) or the snapshots ('snapshots'). Kept apart from eventsmith_schema, the
-- event log's own history, because these parts may also live in a database without events.
CREATE TABLE IF NOT EXISTS eventsmith_components (
  component  text        PRIMARY KEY,
  version    integer     NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
