-- The tags of events appended with tags (decisions across streams, dcb.events): one row per event
-- and tag. A query finds an item's events by tag (and type), and counts that each has all its tags.
-- Consistency does not come from this table but from transaction-scoped advisory locks on hashed
-- (type, tag) pairs, taken by appenders and by the readers of decisions: see PostgresTags.
CREATE TABLE eventsmith_event_tags (
  tag      text   NOT NULL,
  type     text   NOT NULL,
  position bigint NOT NULL,
  PRIMARY KEY (tag, type, position)
);
