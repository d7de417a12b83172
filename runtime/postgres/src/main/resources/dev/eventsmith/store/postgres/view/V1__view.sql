-- One view's rows, and its checkpoint beside every other view's. ${view} is the view's name,
-- checked to be [a-z][a-z0-9_]* before it gets here.
CREATE TABLE IF NOT EXISTS eventsmith_checkpoints (
  view_name text   PRIMARY KEY,
  position  bigint NOT NULL  -- global position of the last event the view applied, 0 before any
);
CREATE TABLE eventsmith_view_${view} (
  view_key text   PRIMARY KEY,  -- the key as the view's RowCodec writes it
  view_row jsonb  NOT NULL,
  -- Upserts keep it, so ORDER BY seq lists rows in the order their keys first appeared.
  seq      bigint GENERATED ALWAYS AS IDENTITY
);
INSERT INTO eventsmith_checkpoints (view_name, position) VALUES ('${view}', 0);
