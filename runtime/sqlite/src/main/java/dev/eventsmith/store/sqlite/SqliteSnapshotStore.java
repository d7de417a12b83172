package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.StreamId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Snapshots in an SQLite file, the event store's or another: the latest one per stream. */
public final class SqliteSnapshotStore implements SnapshotStore {

  private static final List<String> MIGRATIONS = List.of("snapshot/V1__snapshots.sql");

  // A snapshot only replaces one of a lower or equal stream version: two handlers racing on one
  // stream cannot move it back.
  private static final String SAVE = "INSERT INTO eventsmith_snapshots "
      + "(stream, stream_version, last_position, state_version, state) VALUES (?, ?, ?, ?, ?) "
      + "ON CONFLICT (stream) DO UPDATE SET stream_version = excluded.stream_version, "
      + "last_position = excluded.last_position, state_version = excluded.state_version, state = excluded.state "
      + "WHERE excluded.stream_version >= eventsmith_snapshots.stream_version";

  private final SqliteFile file;
  private final Connection connection;

  private SqliteSnapshotStore(SqliteFile file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens the snapshots in {@code file}, creating their table if needed; fsync at WAL checkpoints only, a cache needs no more. */
  public static SqliteSnapshotStore open(Path file) {
    SqliteFile sqlite = new SqliteFile(Objects.requireNonNull(file, "file"), SqliteEventStore.Sync.NORMAL);
    sqlite.prepareDirectory();
    Connection connection = sqlite.openWriter();
    try {
      SqliteComponents.migrate(connection, sqlite.path(), "snapshots", MIGRATIONS, Map.of());
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw sqlite.failure("create the snapshot table in", (SQLException) e);
    }
    return new SqliteSnapshotStore(sqlite, connection);
  }

  @Override
  public synchronized Optional<Snapshot> latest(StreamId stream) {
    try (PreparedStatement query = connection.prepareStatement("SELECT stream_version, last_position, state_version, "
        + "state FROM eventsmith_snapshots WHERE stream = ?")) {
      query.setString(1, stream.value());
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new Snapshot(stream, rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getBytes(4)));
      }
    } catch (SQLException e) {
      throw file.failure("read a snapshot from", e);
    }
  }

  @Override
  public synchronized void save(Snapshot snapshot) {
    try (PreparedStatement save = connection.prepareStatement(SAVE)) {
      save.setString(1, snapshot.stream().value());
      save.setLong(2, snapshot.streamVersion());
      save.setLong(3, snapshot.lastPosition());
      save.setInt(4, snapshot.stateVersion());
      save.setBytes(5, snapshot.state());
      save.executeUpdate();
    } catch (SQLException e) {
      throw file.failure("save a snapshot to", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Snapshots are a cache: nothing is lost if closing fails.
    }
  }
}
