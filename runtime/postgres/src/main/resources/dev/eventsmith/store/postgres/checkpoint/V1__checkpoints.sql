-- Where each runner stands in the global log: a view's projection ('view:<name>') or an automation
-- ('automation:<name>'), one row per segment (0 while a runner is not split into segments).
-- A row moves only by compare-and-set on (position, fence), and fence grows with every change, so
-- a runner that read the row before another changed it is refused, even if the position came back
-- to the same value (a view reset and rebuilt).
CREATE TABLE eventsmith_runner_checkpoints (
  name     text    NOT NULL,
  segment  integer NOT NULL,
  position bigint  NOT NULL,  -- global position of the last event applied, 0 before any
  fence    bigint  NOT NULL,  -- how many times the row changed
  PRIMARY KEY (name, segment)
);
