-- The latest snapshot of each stream: a cache, safe to delete at any time.
CREATE TABLE eventsmith_snapshots (
  stream         text    PRIMARY KEY,
  stream_version bigint  NOT NULL,  -- version of the last event folded into state
  last_position  bigint  NOT NULL,  -- that event's global position
  state_version  integer NOT NULL,  -- the state's schema version, chosen by the application
  state          bytea   NOT NULL
);
