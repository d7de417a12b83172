-- Which numbered migrations each add-on part of a file has had: a view ('view:<name>', its table
-- is named per view) or the snapshots ('snapshots'). Kept apart from eventsmith_schema, the event
-- log's own history, because these parts may also live in a file without events.
CREATE TABLE IF NOT EXISTS eventsmith_components (
  component  TEXT    PRIMARY KEY,
  version    INTEGER NOT NULL,
  applied_at TEXT    NOT NULL
);
