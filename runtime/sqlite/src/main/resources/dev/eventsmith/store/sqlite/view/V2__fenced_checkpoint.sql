-- The view's checkpoint moves to eventsmith_runner_checkpoints, where it is fenced (see
-- checkpoint/V1__checkpoints.sql). eventsmith_checkpoints stays, empty, for V1 of other views.
INSERT INTO eventsmith_runner_checkpoints (name, segment, position, fence)
  SELECT 'view:${view}', 0, position, 0 FROM eventsmith_checkpoints WHERE view_name = '${view}';
DELETE FROM eventsmith_checkpoints WHERE view_name = '${view}';
