package dev.eventsmith.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Reaction;
import dev.eventsmith.runtime.Rejection;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.segment.SegmentedProcess;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.segment.Lease;
import dev.eventsmith.runtime.segment.LiveSegments;
import dev.eventsmith.runtime.segment.SegmentCheckpoint;
import dev.eventsmith.runtime.segment.SegmentLeases;
import dev.eventsmith.runtime.segment.SegmentPage;
import dev.eventsmith.runtime.segment.SegmentedAutomation;
import dev.eventsmith.runtime.segment.SegmentedCheckpoints;
import dev.eventsmith.runtime.segment.SegmentedProjection;
import dev.eventsmith.runtime.segment.SegmentedViewStore;
import dev.eventsmith.store.contract.Tallies;
import dev.eventsmith.store.contract.Tallies.Count;
import dev.eventsmith.store.contract.Tallies.Counted;
import dev.eventsmith.store.contract.Tallies.Counter;
import dev.eventsmith.store.contract.Tallies.Tally;
import dev.eventsmith.store.contract.Tallies.TallyProjector;
import dev.eventsmith.store.contract.Tallies.TallyRows;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child JVM of {@link MultiInstanceTest}: one instance of a service that runs its share of a
 * segmented view ("view"), automation ("automation") or process ("process") until its stdin closes, then hands its
 * segments back and exits. It prints one line per committed page and segment, after the commit:
 * {@code commit <segment> <count> <token> <from> <to>}. Arguments: JDBC URL, schema, mode, owner,
 * segments, lease in milliseconds.
 */
public final class SegmentedChild {

  /** The automation of the test: every count on an "in-" counter is copied to its "out-" counter. */
  static final Automation COPY = event -> {
    Counted counted = (Counted) event;
    return counted.counter().startsWith("in-")
        ? List.of(new Count("out-" + counted.counter().substring(3), counted.amount())) : List.of();
  };

  /** The state of one relay: its key and how many counts it has seen. */
  record Relayed(String key, int seen) {}

  /**
   * The process of the test, one instance per "in-" counter: its n-th count is copied to "out-" as
   * n (so each command depends on the instance's folded state), and its first schedules a deadline
   * due at once, which counts 1 on "dl-".
   */
  static final class Relay implements Workflow<Relayed> {
    @Override
    public Optional<String> keyOf(Event event) {
      String counter = ((Counted) event).counter();
      return counter.startsWith("in-") ? Optional.of(counter.substring(3)) : Optional.empty();
    }

    @Override
    public boolean starts(Event event) {
      return true;
    }

    @Override
    public Relayed initialState(String key) {
      return new Relayed(key, 0);
    }

    @Override
    public Relayed evolve(Relayed relay, Event event) {
      return new Relayed(relay.key(), relay.seen() + 1);
    }

    @Override
    public boolean ended(Relayed relay) {
      return false;
    }

    @Override
    public Reaction react(Relayed relay, Event event, Instant now) {
      Reaction copy = Reaction.issue(new Count("out-" + relay.key(), relay.seen()));
      return relay.seen() == 1 ? copy.andSchedule("nudge", Duration.ZERO) : copy;
    }

    @Override
    public Reaction onDeadline(Relayed relay, String deadline, Instant now) {
      return Reaction.issue(new Count("dl-" + relay.key(), 1));
    }

    @Override
    public Reaction onRejected(Relayed relay, Command command, Rejection rejection) {
      throw new IllegalStateException("no count of the test passes the limit: " + rejection);
    }
  }

  private SegmentedChild() {}

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setSchema(args[1]);
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    PostgresEventStore events = PostgresEventStore.open(pool);
    String mode = args[2];
    Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
    String runner = switch (mode) {
      case "view" -> "view:tallies";
      case "automation" -> "automation:copy";
      default -> "process:relay";
    };
    SegmentLeases leases = PostgresSegments.open(pool).withOwner(args[3]).withLease(lease)
        .leases(runner, Integer.parseInt(args[4]));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    LiveSegments live;
    if (mode.equals("view")) {
      PrintingView view = new PrintingView(PostgresSegmentedViewStore.open(pool, "tallies", new TallyRows()), out);
      live = SegmentedProjection.of(events, Tallies.CODEC, new TallyProjector(), view)
          .start(leases, Duration.ofMillis(100), events);
    } else if (mode.equals("automation")) {
      CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
      PrintingCheckpoints checkpoints = new PrintingCheckpoints(PostgresSegmentedCheckpoints.open(pool, "copy"), out);
      live = SegmentedAutomation.of("copy", events, Tallies.CODEC, COPY, bus, checkpoints)
          .start(leases, Duration.ofMillis(100), events);
    } else {
      CommandBus bus = new CommandBus().register(Count.class, new CommandHandler<>(events, Tallies.CODEC, new Counter()));
      PrintingCheckpoints checkpoints =
          new PrintingCheckpoints(PostgresSegmentedCheckpoints.openProcess(pool, "relay"), out);
      live = SegmentedProcess.of("relay", events, Tallies.CODEC, new Relay(), bus, checkpoints,
          PostgresDeadlineStore.open(pool)).withDeadlineLease(lease).start(leases, Duration.ofMillis(100), events);
    }
    out.println("started");
    while (System.in.read() >= 0) {
      // Runs until the test closes our stdin.
    }
    live.close();
    live.failure().ifPresent(failure -> failure.printStackTrace());
    events.close();
    pool.close();
    System.exit(live.failure().isPresent() ? 1 : 0);
  }

  private static void print(PrintStream out, List<? extends SegmentPage<?>> pages, long to) {
    synchronized (out) {
      for (SegmentPage<?> page : pages) {
        Lease lease = page.lease();
        out.println("commit " + lease.segment().index() + " " + lease.segment().count() + " " + lease.token() + " "
            + page.from().checkpoint().position() + " " + to);
      }
    }
  }

  /** The view, printing each commit once it is committed. */
  private static final class PrintingView extends DelegatingSegmentedView {
    private final PrintStream out;

    PrintingView(SegmentedViewStore<String, Tally> view, PrintStream out) {
      super(view);
      this.out = out;
    }

    @Override
    public List<SegmentCheckpoint> commit(List<SegmentPage<Map<String, Tally>>> pages, long newPosition) {
      List<SegmentCheckpoint> committed = super.commit(pages, newPosition);
      print(out, pages, newPosition);
      return committed;
    }
  }

  /** The automation's checkpoints, printing each commit once it is committed. */
  private record PrintingCheckpoints(SegmentedCheckpoints checkpoints, PrintStream out) implements SegmentedCheckpoints {

    @Override
    public String name() {
      return checkpoints.name();
    }

    @Override
    public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
      return checkpoints.checkpoints(leases);
    }

    @Override
    public Optional<IssuedCommands> issuedCommands() {
      return checkpoints.issuedCommands();
    }

    @Override
    public List<SegmentCheckpoint> commit(List<SegmentPage<List<Command>>> pages, long newPosition) {
      List<SegmentCheckpoint> committed = checkpoints.commit(pages, newPosition);
      print(out, pages, newPosition);
      return committed;
    }
  }
}
