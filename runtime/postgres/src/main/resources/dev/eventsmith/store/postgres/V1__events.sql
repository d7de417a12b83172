-- The event log: one row per event.
--
-- position is (id of the appending transaction << 16) + the event's index in its append, so it
-- is known before commit and orders events by transaction. Readers of the global log only take
-- rows of transactions older than every transaction still running (pg_snapshot_xmin), so no row
-- can later appear below a position a reader has passed. See package-info.java for why.
CREATE TABLE eventsmith_events (
  position       bigint      PRIMARY KEY,
  stream         text        NOT NULL,
  version        bigint      NOT NULL,  -- the event's place in its stream, from 1
  event_id       uuid        NOT NULL,
  type           text        NOT NULL,
  schema_version integer     NOT NULL,
  data           bytea       NOT NULL,
  metadata       jsonb       NOT NULL,  -- an object of string pairs
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  -- Two appends that raced for the same version cannot both commit; also the index that reads a
  -- stream and finds its version.
  UNIQUE (stream, version)
);
