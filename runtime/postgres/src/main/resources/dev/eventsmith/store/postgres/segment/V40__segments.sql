-- Runners split into segments across the instances of a service (see docs/scaling.md).
--
-- One row per segment of a runner: which keys it holds (those whose FNV-1a hash leaves `segment`
-- divided by `segment_count`), and its lease: the instance holding it, until when, and the fencing
-- token of that claim. The segment's checkpoint is eventsmith_runner_checkpoints' row of the same
-- (name, segment). A page is committed only while the row still carries the token it was worked
-- under (checked FOR SHARE in the page's transaction), so a claim waits for a commit in flight,
-- and an instance that lost the segment never writes to it again.
CREATE SEQUENCE eventsmith_segment_tokens;
CREATE TABLE eventsmith_segments (
  name           text        NOT NULL,  -- the runner: 'view:<name>', 'automation:<name>'
  segment        integer     NOT NULL,
  segment_count  integer     NOT NULL,
  owner          text,                  -- the instance holding the lease; null when free
  token          bigint      NOT NULL,  -- from eventsmith_segment_tokens at every claim
  expires_at     timestamptz,           -- the lease ends then unless renewed (database clock)
  -- After a merge, the half that had got further: keys of segment ahead_segment of
  -- 2 * segment_count are applied up to ahead_position already. Null once passed.
  ahead_segment  integer,
  ahead_position bigint,
  last_error     text,                  -- why a runner of this segment last stopped
  last_error_at  timestamptz,
  PRIMARY KEY (name, segment)
);
-- The instances taking part in each runner, so that one holding no segment yet still counts in
-- everybody's fair share. A row lives as long as the instance renews it.
CREATE TABLE eventsmith_segment_instances (
  name       text        NOT NULL,
  owner      text        NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (name, owner)
);
-- Every claim, in token order: who held which segment from when. For operators; old rows may be deleted.
CREATE TABLE eventsmith_segment_claims (
  token         bigint      PRIMARY KEY,
  name          text        NOT NULL,
  segment       integer     NOT NULL,
  segment_count integer     NOT NULL,
  owner         text        NOT NULL,
  claimed_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
