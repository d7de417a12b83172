package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.store.jdbc.internal.Components;
import dev.eventsmith.store.jdbc.internal.SqlScripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The events table of a PostgreSQL store split into partitions by range of position, for a log
 * that grows large: each partition's indexes stay small, old partitions are vacuumed and backed up
 * on their own and can be moved to other storage. {@link #partition()} converts the table once
 * (the events stored so far become the first partition); {@link #extend(int)} creates the next
 * partitions ahead of the appends, to be run now and then (daily, say).
 *
 * <p>Everything the store promises holds on the partitioned table, and its contract tests run on
 * it: the gap-safe global order (positions are what they were: transaction id and index, whatever
 * partition a row lands in), one event per stream version and unique event ids (kept by two tables
 * of their own, since a partitioned table's unique indexes must hold the partition key). See
 * docs/scaling.md for the costs.
 */
public final class PostgresLogPartitions {

  /** Transaction ids per partition, by default: 2^24, about 16.8 million appends at most. */
  public static final long DEFAULT_TRANSACTIONS_PER_PARTITION = 1L << 24;

  /** The lock the event store takes to migrate its schema: partitioning is a migration too. */
  private static final long MIGRATION_LOCK = 0x4576656e74736d69L;

  private final PostgresDatabase database;
  private final long transactionsPerPartition;

  private PostgresLogPartitions(PostgresDatabase database, long transactionsPerPartition) {
    this.database = database;
    this.transactionsPerPartition = transactionsPerPartition;
  }

  /** The partitions of the events table in the database behind {@code dataSource}, opened as an event store before. */
  public static PostgresLogPartitions open(DataSource dataSource) {
    return new PostgresLogPartitions(new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource")),
        DEFAULT_TRANSACTIONS_PER_PARTITION);
  }

  /** These partitions, new ones each spanning {@code transactions} transaction ids. */
  public PostgresLogPartitions withTransactionsPerPartition(long transactions) {
    if (transactions < 1 || transactions > 1L << 40) {
      throw new IllegalArgumentException("a partition spans 1 to 2^40 transaction ids: " + transactions);
    }
    return new PostgresLogPartitions(database, transactions);
  }

  /** Whether the events table is partitioned. */
  public boolean isPartitioned() {
    return database.read("read the events table of", PostgresLogPartitions::partitioned);
  }

  private static boolean partitioned(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
        "SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass('eventsmith_events')")) {
      if (!rows.next()) {
        throw new EventStoreException("there is no eventsmith_events table to partition; open the event store first");
      }
      return rows.getString(1).equals("p");
    }
  }

  /**
   * Turns the events table into a partitioned one, unless it is already: in one transaction that
   * holds the table exclusively (appends and reads wait) while it copies every event id and stream
   * version into the tables that keep them unique and indexes the stored events again; minutes for
   * millions of events. Then creates the partitions of the next two spans.
   *
   * @return false if the table was partitioned already
   */
  public boolean partition() {
    boolean converted = database.inTransaction("partition the events table of", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        if (partitioned(connection)) {
          return false;
        }
        statement.execute("LOCK TABLE eventsmith_events IN ACCESS EXCLUSIVE MODE");
        long firstEnd;
        try (ResultSet rows = statement.executeQuery("SELECT coalesce(max(position), 0) + 1 FROM eventsmith_events")) {
          rows.next();
          firstEnd = rows.getLong(1);
        }
        statement.execute(SqlScripts.text(PostgresDialect.INSTANCE.scripts() + "partition/V40__partitioned_events.sql")
            .replace("${first_end}", Long.toString(firstEnd)));
        Components.run(connection, PostgresDialect.INSTANCE, "components.sql", Map.of());
        statement.execute("INSERT INTO eventsmith_components (component, version) VALUES ('events-partitioning', 40)"
            + " ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now()");
      }
      return true;
    });
    extend(2);
    return converted;
  }

  /**
   * Creates partitions until the next {@code spans} spans of transaction ids have one, each above
   * the last, above any event that went to the default partition meanwhile, and above the
   * transactions running now.
   *
   * @return how many partitions it created
   */
  public int extend(int spans) {
    if (spans < 1) {
      throw new IllegalArgumentException("extend by at least one span: " + spans);
    }
    return database.inTransaction("create partitions of the events table of", connection -> {
      if (!partitioned(connection)) {
        throw new EventStoreException("the events table is not partitioned; call partition() first");
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        long now = scalar(statement, "SELECT pg_current_xact_id()::text::bigint << "
            + PostgresEventStore.INDEX_BITS);
        // Not below the transactions starting now: positions between the last partition and here
        // belong to transactions already running, few, and the default partition takes them.
        long from = Math.max(now, Math.max(scalar(statement, "SELECT max(to_position) FROM eventsmith_event_partitions"),
            scalar(statement, "SELECT coalesce(max(position) + 1, 0) FROM eventsmith_events_default")));
        long span = transactionsPerPartition << PostgresEventStore.INDEX_BITS;
        long until = now + spans * span;
        int created = 0;
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO eventsmith_event_partitions"
            + " (name, from_position, to_position) VALUES (?, ?, ?)")) {
          for (long lower = from; lower < until; lower += span) {
            String name = "eventsmith_events_" + scalar(statement, "SELECT count(*) FROM eventsmith_event_partitions");
            statement.execute("CREATE TABLE " + name + " PARTITION OF eventsmith_events FOR VALUES FROM (" + lower
                + ") TO (" + (lower + span) + ")");
            record.setString(1, name);
            record.setLong(2, lower);
            record.setLong(3, lower + span);
            record.executeUpdate();
            created++;
          }
        }
        return created;
      }
    });
  }

  /** A partition and the positions it holds, from (inclusive) to (exclusive). */
  public record Partition(String name, long fromPosition, long toPosition) {}

  /** The ranged partitions, lowest first; events above the last go to eventsmith_events_default. */
  public List<Partition> partitions() {
    return database.read("read the partitions of", connection -> {
      List<Partition> partitions = new ArrayList<>();
      try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
          "SELECT name, from_position, to_position FROM eventsmith_event_partitions ORDER BY from_position")) {
        while (rows.next()) {
          partitions.add(new Partition(rows.getString(1), rows.getLong(2), rows.getLong(3)));
        }
      }
      return partitions;
    });
  }

  private static long scalar(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
