-- The event log: one row per event.
-- position is the rowid, so the global log is the table in its own order. Only the store's single
-- writer assigns it, inside the transaction that appends, so a reader never sees a gap that fills in later.
CREATE TABLE events (
  position       INTEGER PRIMARY KEY,
  stream         TEXT    NOT NULL,
  version        INTEGER NOT NULL,  -- the event's place in its stream, from 1
  event_id       BLOB    NOT NULL,  -- the UUID's 16 bytes, big-endian
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           BLOB    NOT NULL,
  metadata       TEXT    NOT NULL,  -- a JSON object of string pairs
  recorded_at    INTEGER NOT NULL,  -- microseconds since 1970-01-01T00:00Z
  UNIQUE (stream, version)          -- also the index that reads a stream and finds its version
);
