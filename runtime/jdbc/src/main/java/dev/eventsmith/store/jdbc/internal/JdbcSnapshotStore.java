package dev.eventsmith.store.jdbc.internal;

import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.StreamId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Snapshots in a database, the events' or another: the latest one per stream. */
public final class JdbcSnapshotStore implements SnapshotStore {

  private static final List<String> MIGRATIONS = List.of("snapshot/V1__snapshots.sql");

  // A snapshot only replaces one of a lower or equal stream version: two handlers racing on one
  // stream cannot move it back.
  private static final String SAVE = "INSERT INTO eventsmith_snapshots "
      + "(stream, stream_version, last_position, state_version, state) VALUES (?, ?, ?, ?, ?) "
      + "ON CONFLICT (stream) DO UPDATE SET stream_version = excluded.stream_version, "
      + "last_position = excluded.last_position, state_version = excluded.state_version, state = excluded.state "
      + "WHERE excluded.stream_version >= eventsmith_snapshots.stream_version";

  private final JdbcDatabase database;

  private JdbcSnapshotStore(JdbcDatabase database) {
    this.database = database;
  }

  /** Opens the snapshots in {@code database}, creating their table if needed. */
  public static JdbcSnapshotStore open(JdbcDatabase database, Dialect dialect) {
    Components.migrate(database, dialect, "snapshots", MIGRATIONS, Map.of());
    return new JdbcSnapshotStore(database);
  }

  @Override
  public Optional<Snapshot> latest(StreamId stream) {
    Objects.requireNonNull(stream, "stream");
    return database.read("read a snapshot from", connection -> {
      try (PreparedStatement query = connection.prepareStatement("SELECT stream_version, last_position, "
          + "state_version, state FROM eventsmith_snapshots WHERE stream = ?")) {
        query.setString(1, stream.value());
        try (ResultSet rows = query.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          return Optional.of(new Snapshot(stream, rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getBytes(4)));
        }
      }
    });
  }

  @Override
  public void save(Snapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    database.read("save a snapshot to", connection -> {
      try (PreparedStatement save = connection.prepareStatement(SAVE)) {
        save.setString(1, snapshot.stream().value());
        save.setLong(2, snapshot.streamVersion());
        save.setLong(3, snapshot.lastPosition());
        save.setInt(4, snapshot.stateVersion());
        save.setBytes(5, snapshot.state());
        save.executeUpdate();
      }
      return null;
    });
  }
}
