-- Event ids are unique in a store: a command's events carry ids derived from its command id, so a
-- repeated command is found by its ids, and one recorded twice is refused here.
CREATE UNIQUE INDEX events_event_id ON events (event_id);
