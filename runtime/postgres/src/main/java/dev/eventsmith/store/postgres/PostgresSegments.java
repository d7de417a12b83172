package dev.eventsmith.store.postgres;

import dev.eventsmith.runtime.segment.Segment;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentStatus;
import dev.eventsmith.runtime.segment.SegmentedStore;
import dev.eventsmith.store.jdbc.internal.JdbcCheckpoints;
import dev.eventsmith.store.jdbc.internal.SegmentStatuses;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Segments of runners spread over the instances of a service, coordinated in PostgreSQL: the
 * database the runners' checkpoints live in (the events' database, usually). Each instance asks
 * for {@link #leases} of each runner it takes part in; operators {@link #split} and {@link #merge}
 * segments while the instances run, and read the {@link #status()} table.
 *
 * <pre>{@code
 * PostgresSegments segments = PostgresSegments.open(dataSource);
 * PostgresSegmentedViewStore<CartId, CartSummary> view =
 *     PostgresSegmentedViewStore.open(dataSource, "cart_summary", new CartSummaryRowCodec());
 * LiveSegments projection = SegmentedProjection.of(events, codec, new CartSummaryProjection(), view)
 *     .start(segments.leases(view, 8), Duration.ofMillis(500), events);
 * }</pre>
 */
public final class PostgresSegments {

  /** How long a lease lasts unless renewed, by default: an instance that stops is replaced this much later. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

  private final PostgresDatabase database;
  private final Duration lease;
  private final String owner;

  private PostgresSegments(PostgresDatabase database, Duration lease, String owner) {
    this.database = database;
    this.lease = lease;
    this.owner = owner;
  }

  /** Opens the segment tables in the database behind {@code dataSource}, creating them if needed. */
  public static PostgresSegments open(DataSource dataSource) {
    PostgresDatabase database = new PostgresDatabase(Objects.requireNonNull(dataSource, "dataSource"));
    JdbcCheckpoints.migrate(database, PostgresDialect.INSTANCE);
    return new PostgresSegments(database, DEFAULT_LEASE, defaultOwner());
  }

  private static String defaultOwner() {
    String host = System.getenv().getOrDefault("HOSTNAME", "host");
    // The random part keeps two runs apart when a container gives every run the same host and pid.
    return host + ":" + ProcessHandle.current().pid() + ":"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /**
   * These segments, with leases of {@code lease}: an instance that stops without handing its
   * segments back (killed, cut off) is replaced that much later, plus up to a third of it; leases
   * are renewed every third of it. A page must be worked within it, or its lease may pass on and the
   * page is worked again elsewhere.
   */
  public PostgresSegments withLease(Duration lease) {
    if (lease.toMillis() < 30) {
      throw new IllegalArgumentException("a lease lasts at least 30 ms: " + lease);
    }
    return new PostgresSegments(database, lease, owner);
  }

  /** These segments, claimed as {@code owner}: a name unique to this instance (the default is host, pid and a random part). */
  public PostgresSegments withOwner(String owner) {
    if (owner.isBlank()) {
      throw new IllegalArgumentException("an owner's name is not blank");
    }
    return new PostgresSegments(database, lease, owner);
  }

  /**
   * This instance's leases on the segments of {@code runner}. The first instance to maintain them
   * cuts the runner into {@code segments} even segments, starting at its checkpoint if it ran
   * unsplit; later the count changes only by {@link #split} and {@link #merge}, and this argument is
   * ignored.
   */
  public SegmentLeases leases(SegmentedStore<?> runner, int segments) {
    return leases(runner.name(), segments);
  }

  /** As {@link #leases(SegmentedStore, int)}, by the runner's name ({@code view:<name>}, {@code automation:<name>}). */
  public SegmentLeases leases(String runner, int segments) {
    new Segment(0, segments);
    return new PostgresSegmentLeases(database, Objects.requireNonNull(runner, "runner"), segments, owner, lease);
  }

  /** The segments {@code runner} is cut into, by index; empty if it is not split. */
  public List<Segment> layout(String runner) {
    return database.read("read the segments of " + runner + " in", c -> SegmentLayout.segments(c, runner));
  }

  /**
   * Splits {@code segment} of {@code runner} into its two halves, both starting at its checkpoint,
   * while the instances run: whoever held it loses it after its page in flight, and the halves are
   * claimed as free segments. Nothing is applied twice or skipped.
   *
   * @return the two halves
   * @throws IllegalArgumentException if {@code runner} has no such segment
   */
  public List<Segment> split(String runner, Segment segment) {
    return database.inTransaction("split " + segment + " of " + runner + " in",
        c -> SegmentLayout.split(c, runner, segment));
  }

  /**
   * Merges {@code half} of {@code runner} with its sibling, while the instances run. The merged
   * segment starts at the lower of their checkpoints and skips, for the keys of the half that was
   * further, the events that half had applied: nothing is applied twice or skipped.
   *
   * @return the merged segment
   * @throws IllegalArgumentException if {@code half} or its sibling is not a segment of {@code runner}
   * @throws IllegalStateException if one of them still replays an earlier merge
   */
  public Segment merge(String runner, Segment half) {
    return database.inTransaction("merge " + half + " of " + runner + " in",
        c -> SegmentLayout.merge(c, runner, half));
  }

  /**
   * The status table: one line per runner and segment whose checkpoint is in this database, split
   * or not, with its owner, checkpoint, lag and last error. The same as the SQL query in
   * docs/scaling.md; the lag needs the events in this database too.
   */
  public List<SegmentStatus> status() {
    return SegmentStatuses.read(database, PostgresDialect.INSTANCE);
  }
}
