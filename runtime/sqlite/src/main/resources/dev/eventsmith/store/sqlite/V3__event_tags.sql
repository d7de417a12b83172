-- The tags of events appended with tags (decisions across streams, dcb.events): one row per event
-- and tag. A query finds an item's events by tag (and type), and counts that each has all its tags.
CREATE TABLE event_tags (
  tag      TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (tag, type, position)
) WITHOUT ROWID;
