package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.store.StoredText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Fenced checkpoints, and the outcomes of issued commands, in a database, the events' or another. */
public final class JdbcCheckpointStore implements CheckpointStore, IssuedCommands {

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

  @Override
  public Optional<Outcome> outcome(String commandId) {
    Objects.requireNonNull(commandId, "commandId");
    return database.read("read the outcome of the command " + commandId + " in", connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT outcome FROM eventsmith_issued_commands WHERE command_id = ?")) {
        query.setString(1, commandId);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(Outcome.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)))
              : Optional.empty();
        }
      }
    });
  }

  @Override
  public Outcome record(String commandId, Outcome outcome) {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(outcome, "outcome");
    database.inTransaction("record the outcome of the command " + commandId + " in", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventsmith_issued_commands "
          + "(command_id, outcome) VALUES (?, ?) ON CONFLICT (command_id) DO NOTHING")) {
        insert.setString(1, commandId);
        insert.setString(2, outcome.name().toLowerCase(Locale.ROOT));
        return insert.executeUpdate();
      }
    });
    return outcome(commandId).orElseThrow();
  }
}
