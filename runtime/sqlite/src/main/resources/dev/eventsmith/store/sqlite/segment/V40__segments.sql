-- Runners split into segments across instances (see docs/scaling.md). Only PostgreSQL splits
-- runners; in SQLite a runner is one segment held by one process, and this table stays empty. It
-- exists so that every store asks the same question before moving a whole checkpoint: is this
-- runner split? (then only a segmented runner may move its checkpoints).
CREATE TABLE eventsmith_segments (
  name           TEXT    NOT NULL,
  segment        INTEGER NOT NULL,
  segment_count  INTEGER NOT NULL,
  owner          TEXT,
  token          INTEGER NOT NULL,
  expires_at     INTEGER,            -- microseconds since 1970-01-01T00:00Z
  ahead_segment  INTEGER,
  ahead_position INTEGER,
  last_error     TEXT,
  last_error_at  INTEGER,            -- microseconds since 1970-01-01T00:00Z
  PRIMARY KEY (name, segment)
);
