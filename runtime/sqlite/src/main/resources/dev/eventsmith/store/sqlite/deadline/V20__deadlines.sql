-- The deadlines of process instances: one row per owner (e.g. 'Transfer:42') and deadline name,
-- kept after the deadline fired or was cancelled (due_at NULL) so that its schedule number never
-- comes back: the commands fired for a schedule take their ids from it.
-- A claim sets claimed_until; until then no other claim takes the row, and after it (the claimer
-- died) the deadline is claimed again.
CREATE TABLE eventsmith_deadlines (
  owner         TEXT   NOT NULL,
  name          TEXT   NOT NULL,
  due_at        BIGINT,           -- milliseconds since 1970-01-01T00:00Z; NULL: none scheduled
  schedule      BIGINT NOT NULL,  -- grows with every scheduling of this owner's deadline
  cause_position BIGINT NOT NULL, -- global position of the event behind the last change: an older
                                  -- or equal one (an event read again) changes nothing
  claimed_until BIGINT,           -- milliseconds since 1970-01-01T00:00Z; NULL: not claimed
  PRIMARY KEY (owner, name)
);
CREATE INDEX eventsmith_deadlines_due ON eventsmith_deadlines (due_at);
