package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.checkpoint.Checkpoint;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.segment.SegmentStatus;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpointStore;
import dev.eventsmith.store.jdbc.internal.SegmentStatuses;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fenced checkpoints of automations, and the outcomes of the commands they issued
 * ({@link IssuedCommands}), in an SQLite file, the event store's or another: durable, and
 * moved by compare-and-set, also between processes sharing the file.
 */
public final class SqliteCheckpointStore implements CheckpointStore, IssuedCommands {

  private final KeptConnection connection;
  private final JdbcCheckpointStore checkpoints;

  private SqliteCheckpointStore(KeptConnection connection, JdbcCheckpointStore checkpoints) {
    this.connection = connection;
    this.checkpoints = checkpoints;
  }

  /** Opens the checkpoints in {@code file}, creating their table if needed; fsync on every commit. */
  public static SqliteCheckpointStore open(Path file) {
    KeptConnection connection =
        KeptConnection.open(new SqliteFile(Objects.requireNonNull(file, "file"), SqliteEventStore.Sync.FULL));
    try {
      return new SqliteCheckpointStore(connection, JdbcCheckpointStore.open(connection, SqliteDialect.INSTANCE));
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
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

  /**
   * The status table: one line per runner whose checkpoint is in this file (views and automations),
   * with its checkpoint and how far behind the log it is, when the events are in this file too.
   * SQLite runs every runner unsplit: one segment, no owner. The same as the SQL query in
   * docs/scaling.md.
   */
  public List<SegmentStatus> status() {
    return SegmentStatuses.read(connection, SqliteDialect.INSTANCE);
  }

  /** Closes the connection; the file stays. */
  @Override
  public void close() {
    connection.close();
  }
}
