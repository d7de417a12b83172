-- One view's rows, and its checkpoint beside every other view's. ${view} is the view's name,
-- checked to be [a-z][a-z0-9_]* before it gets here.
CREATE TABLE IF NOT EXISTS eventsmith_checkpoints (
  view_name TEXT    PRIMARY KEY,
  position  INTEGER NOT NULL  -- global position of the last event the view applied, 0 before any
);
-- The rowid is kept by upserts, so ORDER BY rowid lists rows in the order their keys first appeared.
CREATE TABLE eventsmith_view_${view} (
  view_key TEXT NOT NULL PRIMARY KEY,  -- the key as the view's RowCodec writes it
  view_row TEXT NOT NULL               -- the row as JSON
);
INSERT INTO eventsmith_checkpoints (view_name, position) VALUES ('${view}', 0);
