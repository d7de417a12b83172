-- The status table: one line per runner (a view's projection 'view:<name>', an automation
-- 'automation:<name>'): where it stands and how far behind the log it is (in events, and in
-- seconds the oldest of them has waited). SQLite runs every runner unsplit, with no leases.
SELECT c.name,
       c.segment,
       coalesce(s.segment_count, 1) AS segment_count,
       s.owner,
       s.expires_at AS lease_expires,
       c.position AS checkpoint,
       (SELECT count(*) FROM events e WHERE e.position > c.position) AS lag_events,
       coalesce((julianday('now') - 2440587.5) * 86400.0 - (SELECT e.recorded_at FROM events e
         WHERE e.position > c.position ORDER BY e.position LIMIT 1) / 1000000.0, 0) AS lag_seconds,
       s.last_error,
       s.last_error_at
FROM eventsmith_runner_checkpoints c
LEFT JOIN eventsmith_segments s ON s.name = c.name AND s.segment = c.segment
ORDER BY c.name, c.segment;
