package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.snapshot.Snapshot;
import dev.eventsmith.runtime.snapshot.SnapshotStore;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.store.jdbc.internal.JdbcSnapshotStore;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Snapshots in PostgreSQL, the events' database or another: the latest one per stream. */
public final class PostgresSnapshotStore implements SnapshotStore {

  private final JdbcSnapshotStore snapshots;

  private PostgresSnapshotStore(JdbcSnapshotStore snapshots) {
    this.snapshots = snapshots;
  }

  /** Opens the snapshots in the database behind {@code dataSource}, creating their table if needed. */
  public static PostgresSnapshotStore open(DataSource dataSource) {
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    return new PostgresSnapshotStore(JdbcSnapshotStore.open(database, PostgresDialect.INSTANCE));
  }

  @Override
  public Optional<Snapshot> latest(StreamId stream) {
    return snapshots.latest(stream);
  }

  @Override
  public void save(Snapshot snapshot) {
    snapshots.save(snapshot);
  }
}
