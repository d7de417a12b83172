-- The index of the fields a view is queried by (its RowCodec's lookups): one row per row's key,
-- lookup and value, rewritten with the row in the same transaction, so a lookup never finds a row
-- that no longer has the value. A list field (tags, say) gives one row per element. The prefix is
-- as long as eventsmith_view_, so every view name that fits one fits the other.
CREATE TABLE eventsmith_look_${view} (
  lookup   TEXT NOT NULL,
  value    TEXT NOT NULL,
  view_key TEXT NOT NULL,
  PRIMARY KEY (lookup, value, view_key)
);
CREATE INDEX eventsmith_look_${view}_key ON eventsmith_look_${view} (view_key);
