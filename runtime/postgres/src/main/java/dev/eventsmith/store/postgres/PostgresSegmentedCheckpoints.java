package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentPage;
import dev.eventsmith.runtime.segment.SegmentedCheckpoints;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpoints;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The checkpoints of an automation split into segments, in PostgreSQL: each moves only while its
 * segment's lease carries the page's token. The checkpoint of an automation that ran unsplit
 * ({@link PostgresCheckpointStore}, the same name) is where its segments start.
 */
public final class PostgresSegmentedCheckpoints implements SegmentedCheckpoints {

  private final PostgresDatabase database;
  private final String name;

  private PostgresSegmentedCheckpoints(PostgresDatabase database, String name) {
    this.database = database;
    this.name = name;
  }

  /** Opens the checkpoints of the automation {@code automation} in the database behind {@code dataSource}. */
  public static PostgresSegmentedCheckpoints open(DataSource dataSource, String automation) {
    String name = StoredText.check("automation:" + Objects.requireNonNull(automation, "automation"),
        "an automation's checkpoint name");
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    JdbcCheckpoints.migrate(database, PostgresDialect.INSTANCE);
    return new PostgresSegmentedCheckpoints(database, name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    return database.read("read the checkpoints of " + name + " in",
        connection -> LeasedCheckpoints.read(connection, name, leases));
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<List<Command>>> pages, long newPosition) {
    return database.inTransaction("move the checkpoints of " + name + " in",
        connection -> LeasedCheckpoints.commit(connection, name, pages, newPosition));
  }
}
