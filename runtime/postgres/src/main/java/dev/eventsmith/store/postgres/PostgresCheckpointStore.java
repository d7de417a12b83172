package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpointStore;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Fenced checkpoints of automations, and the outcomes of the commands they issued
 * ({@link IssuedCommands}), in PostgreSQL, the events' database or another: durable, and moved by
 * compare-and-set, also between processes sharing the database.
 */
public final class PostgresCheckpointStore implements CheckpointStore, IssuedCommands {

  private final JdbcCheckpointStore checkpoints;

  private PostgresCheckpointStore(JdbcCheckpointStore checkpoints) {
    this.checkpoints = checkpoints;
  }

  /** Opens the checkpoints in the database behind {@code dataSource}, creating their table if needed. */
  public static PostgresCheckpointStore open(DataSource dataSource) {
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    return new PostgresCheckpointStore(JdbcCheckpointStore.open(database, PostgresDialect.INSTANCE));
  }

  @Override
  public Checkpoint read(String name) {
    return checkpoints.read(name);
  }

  @Override
  public Checkpoint advance(String name, Checkpoint expected, long position) {
    return checkpoints.advance(name, expected, position);
  }

  @Override
  public Optional<Outcome> outcome(String commandId) {
    return checkpoints.outcome(commandId);
  }

  @Override
  public Outcome record(String commandId, Outcome outcome) {
    return checkpoints.record(commandId, outcome);
  }
}
