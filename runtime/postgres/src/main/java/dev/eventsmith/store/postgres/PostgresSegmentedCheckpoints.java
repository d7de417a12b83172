package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentPage;
import dev.eventsmith.runtime.segment.SegmentedCheckpoints;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpointStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The checkpoints of an automation or a process split into segments, in PostgreSQL: each moves
 * only while its segment's lease carries the page's token. The checkpoint of a runner that ran
 * unsplit ({@link PostgresCheckpointStore}, the same name) is where its segments start. The
 * outcomes of the commands it issued are kept as {@link PostgresCheckpointStore} keeps them.
 */
public final class PostgresSegmentedCheckpoints implements SegmentedCheckpoints {

  private final PostgresDatabase database;
  private final String name;
  private final JdbcCheckpointStore outcomes;

  private PostgresSegmentedCheckpoints(PostgresDatabase database, String name, JdbcCheckpointStore outcomes) {
    this.database = database;
    this.name = name;
    this.outcomes = outcomes;
  }

  /** Opens the checkpoints of the automation {@code automation} in the database behind {@code dataSource}. */
  public static PostgresSegmentedCheckpoints open(DataSource dataSource, String automation) {
    return open(dataSource, "automation:", Objects.requireNonNull(automation, "automation"));
  }

  /**
   * Opens the checkpoints of the process {@code process} ({@code process:<name>}, as a {@link
   * dev.eventsmith.runtime.automation.ProcessRunner}'s) in the database behind {@code dataSource}.
   */
  public static PostgresSegmentedCheckpoints openProcess(DataSource dataSource, String process) {
    return open(dataSource, "process:", Objects.requireNonNull(process, "process"));
  }

  private static PostgresSegmentedCheckpoints open(DataSource dataSource, String kind, String runner) {
    String name = StoredText.check(kind + runner, "a runner's checkpoint name");
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    // Opening the outcomes creates the checkpoint tables, the segments' among them, if needed.
    return new PostgresSegmentedCheckpoints(database, name, JdbcCheckpointStore.open(database, PostgresDialect.INSTANCE));
  }

  /** The outcomes of the commands the runner issued (eventsmith_issued_commands), shared with {@link PostgresCheckpointStore}. */
  @Override
  public Optional<IssuedCommands> issuedCommands() {
    return Optional.of(outcomes);
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
