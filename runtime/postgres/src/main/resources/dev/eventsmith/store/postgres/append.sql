-- One append in one statement, so an append in autocommit mode is one round trip.
-- Parameters: stream, stream, event ids, types, schema versions, data, metadata (arrays, one
-- element per event), "any version" flag, expected version.
-- Writes nothing unless the stream is at the expected version; answers the version the stream had,
-- the appending transaction's id (positions are id << 16 + index, see package-info.java), and how
-- many events it wrote. A racing append that commits the same version first makes the insert fail
-- on UNIQUE (stream, version).
WITH current AS (
  SELECT coalesce(max(version), 0) AS version, pg_current_xact_id()::text::bigint AS tx
  FROM eventsmith_events
  WHERE stream = ?
), appended AS (
  INSERT INTO eventsmith_events (position, stream, version, event_id, type, schema_version, data, metadata)
  SELECT (current.tx << 16) + e.n - 1, ?, current.version + e.n, e.id, e.type, e.schema_version, e.data, e.metadata
  FROM current,
       unnest(?::uuid[], ?::text[], ?::int[], ?::bytea[], ?::text[]::jsonb[])
         WITH ORDINALITY AS e(id, type, schema_version, data, metadata, n)
  WHERE ? OR current.version = ?
  RETURNING 1
)
SELECT current.version, current.tx, (SELECT count(*) FROM appended) FROM current;
