-- The latest snapshot of each stream: a cache, safe to delete at any time.
CREATE TABLE eventsmith_snapshots (
  stream         TEXT    NOT NULL PRIMARY KEY,
  stream_version INTEGER NOT NULL,  -- version of the last event folded into state
  last_position  INTEGER NOT NULL,  -- that event's global position
  state_version  INTEGER NOT NULL,  -- the state's schema version, chosen by the application
  state          BLOB    NOT NULL
);
