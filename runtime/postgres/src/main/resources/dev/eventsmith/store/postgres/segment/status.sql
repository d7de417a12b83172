-- The status table: one line per runner (a view's projection 'view:<name>', an automation
-- 'automation:<name>') and segment, split or not: who holds it, where it stands, how far behind
-- the log it is (in events, and in seconds the oldest of them has waited), and its last error.
SELECT c.name,
       c.segment,
       coalesce(s.segment_count, 1) AS segment_count,
       CASE WHEN s.expires_at > clock_timestamp() THEN s.owner END AS owner,
       s.expires_at AS lease_expires,
       c.position AS checkpoint,
       (SELECT count(*) FROM eventsmith_events e WHERE e.position > c.position) AS lag_events,
       coalesce(extract(epoch FROM clock_timestamp() - (SELECT e.recorded_at FROM eventsmith_events e
         WHERE e.position > c.position ORDER BY e.position LIMIT 1)), 0) AS lag_seconds,
       s.last_error,
       s.last_error_at
FROM eventsmith_runner_checkpoints c
LEFT JOIN eventsmith_segments s ON s.name = c.name AND s.segment = c.segment
ORDER BY c.name, c.segment;
