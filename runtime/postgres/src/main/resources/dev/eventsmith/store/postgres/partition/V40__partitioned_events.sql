-- Turns eventsmith_events into a table partitioned by range of position, for a log that grows
-- large (see docs/scaling.md, "A large log"). Run as one script, in one transaction, with the
-- events table locked (LOCK TABLE eventsmith_events IN ACCESS EXCLUSIVE MODE) and ${first_end}
-- set above every stored position; PostgresLogPartitions does both.
--
-- What stays as it was: positions, and with them the gap-safe order of the global log (a reader
-- takes only rows of transactions older than every running one, whatever partition they are in);
-- the append statement, which still reads a stream's version from eventsmith_events and inserts
-- there. What moves: a partitioned table's unique indexes must hold the partition key, so a stream's
-- versions and the event ids, which must be unique across all partitions, are kept unique by two
-- tables of their own, filled by a trigger in the appending transaction.

-- The table as it was becomes the first partition, holding every stored event.
ALTER TABLE eventsmith_events RENAME TO eventsmith_events_0;
ALTER TABLE eventsmith_events_0 RENAME CONSTRAINT eventsmith_events_pkey TO eventsmith_events_0_pkey;
ALTER TABLE eventsmith_events_0 DROP CONSTRAINT eventsmith_events_stream_version_key;
DROP INDEX eventsmith_events_event_id;

-- Every event id, once. The primary key keeps the name of the unique index it replaces, so an
-- append that repeats an id is told so exactly as before.
CREATE TABLE eventsmith_event_ids (
  event_id uuid   NOT NULL,
  position bigint NOT NULL,
  CONSTRAINT eventsmith_events_event_id PRIMARY KEY (event_id)
);
INSERT INTO eventsmith_event_ids (event_id, position) SELECT event_id, position FROM eventsmith_events_0;

-- Every stream's last version: an append moves it from the version before its first event, one
-- event at a time, so of two appends that raced for a version the second finds it moved and fails.
CREATE TABLE eventsmith_stream_heads (
  stream  text   NOT NULL PRIMARY KEY,
  version bigint NOT NULL
);
INSERT INTO eventsmith_stream_heads (stream, version)
  SELECT stream, max(version) FROM eventsmith_events_0 GROUP BY stream;

CREATE TABLE eventsmith_events (LIKE eventsmith_events_0 INCLUDING DEFAULTS INCLUDING STORAGE)
  PARTITION BY RANGE (position);
ALTER TABLE eventsmith_events ADD CONSTRAINT eventsmith_events_pkey PRIMARY KEY (position);
ALTER TABLE eventsmith_events ATTACH PARTITION eventsmith_events_0 FOR VALUES FROM (MINVALUE) TO (${first_end});
-- Catches appends above the last partition, should nobody have created more in time: appends
-- never fail for want of a partition. PostgresLogPartitions.extend() creates the next ones above it.
CREATE TABLE eventsmith_events_default PARTITION OF eventsmith_events DEFAULT;
-- Lookups by stream and by id, in every partition; uniqueness is the two tables' job.
CREATE INDEX eventsmith_events_stream_version ON eventsmith_events (stream, version);
CREATE INDEX eventsmith_events_event_id_lookup ON eventsmith_events (event_id);

-- The partitions and the positions they hold, from (inclusive) to (exclusive).
CREATE TABLE eventsmith_event_partitions (
  name          text   PRIMARY KEY,
  from_position bigint NOT NULL,
  to_position   bigint NOT NULL
);
INSERT INTO eventsmith_event_partitions (name, from_position, to_position) VALUES ('eventsmith_events_0', 0, ${first_end});

CREATE FUNCTION eventsmith_events_unique() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A repeated id fails here, on the constraint eventsmith_events_event_id.
  INSERT INTO eventsmith_event_ids (event_id, position) VALUES (NEW.event_id, NEW.position);
  UPDATE eventsmith_stream_heads SET version = NEW.version WHERE stream = NEW.stream AND version = NEW.version - 1;
  IF NOT FOUND THEN
    IF NEW.version <> 1 THEN
      RAISE unique_violation USING CONSTRAINT = 'eventsmith_events_stream_version_key',
        MESSAGE = 'stream ' || NEW.stream || ' is not at version ' || (NEW.version - 1);
    END IF;
    -- A new stream: of two appends that both start it, the second fails on the primary key.
    INSERT INTO eventsmith_stream_heads (stream, version) VALUES (NEW.stream, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER eventsmith_events_unique AFTER INSERT ON eventsmith_events
  FOR EACH ROW EXECUTE FUNCTION eventsmith_events_unique();
