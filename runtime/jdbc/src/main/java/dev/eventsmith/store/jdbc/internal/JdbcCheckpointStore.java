package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.store.StoredText;
import java.util.Objects;

/** Fenced checkpoints in a database, the events' or another. */
public final class JdbcCheckpointStore implements CheckpointStore {

  private final JdbcDatabase database;

  private JdbcCheckpointStore(JdbcDatabase database) {
    this.database = database;
  }

  /** Opens the checkpoints in {@code database}, creating their table if needed. */
  public static JdbcCheckpointStore open(JdbcDatabase database, Dialect dialect) {
    JdbcCheckpoints.migrate(database, dialect);
    return new JdbcCheckpointStore(database);
  }

  @Override
  public Checkpoint read(String name) {
    StoredText.check(name, "a checkpoint name");
    return database.read("read the checkpoint " + name + " in",
        connection -> JdbcCheckpoints.read(connection, name).orElse(Checkpoint.START));
  }

  @Override
  public Checkpoint advance(String name, Checkpoint expected, long position) {
    StoredText.check(name, "a checkpoint name");
    Objects.requireNonNull(expected, "expected");
    expected.advancedTo(position);
    return database.inTransaction("move the checkpoint " + name + " in",
        connection -> JdbcCheckpoints.advance(connection, "the checkpoint " + name, name, expected, position));
  }
}
