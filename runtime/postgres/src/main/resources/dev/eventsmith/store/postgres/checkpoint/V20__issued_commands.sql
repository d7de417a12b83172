-- The outcome of each command an automation or a process issued, by its command id (which names the
-- runner, the event and the command's index): a runner that reads an event again does not dispatch
-- a command whose outcome is here. The first outcome recorded stays (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE eventsmith_issued_commands (
  command_id TEXT NOT NULL PRIMARY KEY,
  outcome    TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected'))
);
