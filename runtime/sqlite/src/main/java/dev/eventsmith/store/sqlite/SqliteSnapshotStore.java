package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.JdbcSnapshotStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Snapshots in an SQLite file, the event store's or another: the latest one per stream. */
public final class SqliteSnapshotStore implements SnapshotStore {

  private final KeptConnection connection;
  private final JdbcSnapshotStore snapshots;

  private SqliteSnapshotStore(KeptConnection connection, JdbcSnapshotStore snapshots) {
    this.connection = connection;
    this.snapshots = snapshots;
  }

  /** Opens the snapshots in {@code file}, creating their table if needed; fsync at WAL checkpoints only, a cache needs no more. */
  public static SqliteSnapshotStore open(Path file) {
    KeptConnection connection =
        KeptConnection.open(new SqliteFile(Objects.requireNonNull(file, "file"), SqliteEventStore.Sync.NORMAL));
    try {
      return new SqliteSnapshotStore(connection, JdbcSnapshotStore.open(connection, SqliteDialect.INSTANCE));
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Optional<Snapshot> latest(StreamId stream) {
    return snapshots.latest(stream);
  }

  @Override
  public void save(Snapshot snapshot) {
    snapshots.save(snapshot);
  }

  @Override
  public void close() {
    connection.close();
  }
}
