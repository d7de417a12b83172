package dev.eventsmith.runtime.segment;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.automation.ProcessSteps;
import dev.eventsmith.runtime.automation.ProcessSteps.Instance;
import dev.eventsmith.runtime.checkpoint.IssuedCommands;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.codec.EventTypes;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandResult;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.DueDeadline;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A process as segmented work, and the store of its segments: an event goes to the segment of its
 * instance's key; the instances of the segments this runner holds are kept in memory as of each
 * segment's checkpoint. A page's changes to them are kept apart until the page commits, so a page
 * worked again (a segment lost on the way, a failure) folds nothing twice. A segment whose
 * checkpoint is not the one its instances were folded to (newly claimed, taken back after another
 * instance moved it, split, merged) has its instances folded again from the start of the log, up to
 * its checkpoint, without reacting. When the log is exhausted, the due deadlines of the instances
 * of the held segments are claimed, each fired after checking its segment's lease.
 */
final class ProcessWork<S> implements SegmentWork<ProcessWork.Page<S>>, SegmentedStore<ProcessWork.Page<S>> {

  /** What a page did to one segment: the instances it changed and the commands it dispatched. */
  static final class Page<S> {
    private final Map<String, Instance<S>> instances = new HashMap<>();
    private final List<Command> issued = new ArrayList<>();
  }

  private static final int DEADLINES_PER_ROUND = 100;

  private final ProcessSteps<S> steps;
  private final EventStore events;
  private final EventCodec codec;
  private final EventTypes types;
  private final CommandBus bus;
  private final SegmentedCheckpoints checkpoints;
  private final Optional<IssuedCommands> outcomes;
  private final DeadlineStore deadlines;
  private final Clock clock;
  private final Duration deadlineLease;
  private final int pageSize;
  /** The instances of the segments held, as of {@link #folded}. */
  private final Map<String, Instance<S>> instances = new HashMap<>();
  /** Where each segment stood when its instances were last folded. */
  private final Map<Segment, SegmentCheckpoint> folded = new HashMap<>();

  ProcessWork(ProcessSteps<S> steps, EventStore events, EventCodec codec, EventTypes types, CommandBus bus,
      SegmentedCheckpoints checkpoints, DeadlineStore deadlines, Clock clock, Duration deadlineLease, int pageSize) {
    this.steps = steps;
    this.events = events;
    this.codec = codec;
    this.types = types;
    this.bus = bus;
    this.checkpoints = checkpoints;
    this.outcomes = checkpoints.issuedCommands();
    this.deadlines = deadlines;
    this.clock = clock;
    this.deadlineLease = deadlineLease;
    this.pageSize = pageSize;
  }

  /** The state of the instance {@code key} as of the last commit of its segment, if it has one that has not ended. */
  Optional<S> state(String key) {
    Instance<S> instance = instances.get(key);
    return instance == null || instance.ended() ? Optional.empty() : Optional.of(instance.state());
  }

  // ---- the work ----

  @Override
  public Page<S> startPage() {
    return new Page<>();
  }

  @Override
  public void handle(RecordedEvent recorded, Route<Page<S>> route) {
    if (!types.shouldRead(recorded)) {
      return;
    }
    Event event = codec.decode(recorded);
    steps.keyOf(event, recorded).ifPresent(key -> route.page(key).ifPresent(page -> {
      Instance<S> before = page.instances.containsKey(key) ? page.instances.get(key) : instances.get(key);
      steps.evolve(before, key, event, recorded).ifPresent(after -> {
        steps.react(after, key, event, recorded, (command, metadata, onRejected) -> {
          boolean dispatched = issue(command, metadata, onRejected);
          if (dispatched) {
            page.issued.add(command);
          }
          return dispatched;
        });
        // Only now: a reaction that failed leaves the instance as it was before the event.
        page.instances.put(key, after);
      });
    }));
  }

  private boolean issue(Command command, Map<String, String> metadata, Consumer<CommandResult.Rejected> onRejected) {
    if (outcomes.isPresent()) {
      return outcomes.get().dispatchOnce(bus, command, metadata, onRejected);
    }
    if (bus.dispatch(command, metadata) instanceof CommandResult.Rejected rejected) {
      onRejected.accept(rejected);
    }
    return true;
  }

  /**
   * Fires the due deadlines of the instances of the held segments: claims them (only theirs), and
   * fires each after checking, in the store, that its segment is still held under its lease and at
   * the checkpoint its instances were folded to.
   */
  @Override
  public void caughtUp(Map<Lease, SegmentCheckpoint> at) {
    List<String> owners = new ArrayList<>();
    instances.forEach((key, instance) -> {
      if (!instance.ended() && at.keySet().stream().anyMatch(lease -> lease.segment().contains(key))) {
        owners.add(steps.owner(key));
      }
    });
    if (owners.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    LeaseLostException lost = null;
    for (DueDeadline due : deadlines.claimDue(now, deadlineLease, DEADLINES_PER_ROUND, owners)) {
      String key = steps.keyOf(due);
      Lease lease = at.keySet().stream().filter(l -> l.segment().contains(key)).findFirst().orElseThrow();
      if (lost != null && lost.lease().equals(lease)) {
        continue;
      }
      try {
        // The fence: throws LeaseLostException if another instance holds the segment now, and folds its
        // instances again if its checkpoint moved under us (then it is lost too, at the next commit).
        checkpoints(List.of(lease));
      } catch (LeaseLostException notOurs) {
        // Its deadlines stay claimed until the claim's lease ends; the others of the batch are fired.
        lost = notOurs;
        continue;
      }
      steps.fire(instances.get(key), due, now, this::issue);
      deadlines.complete(due);
    }
    if (lost != null) {
      throw lost;
    }
  }

  // ---- the store ----

  @Override
  public String name() {
    return checkpoints.name();
  }

  @Override
  public List<SegmentCheckpoint> checkpoints(List<Lease> leases) {
    List<SegmentCheckpoint> at = checkpoints.checkpoints(leases);
    List<SegmentCheckpoint> stale = at.stream().filter(c -> !c.equals(folded.get(c.segment()))).toList();
    if (!stale.isEmpty()) {
      fold(stale);
    }
    return at;
  }

  @Override
  public List<SegmentCheckpoint> commit(List<SegmentPage<Page<S>>> pages, long newPosition) {
    List<SegmentPage<List<Command>>> plain = pages.stream()
        .map(page -> new SegmentPage<>(page.lease(), page.from(), List.copyOf(page.effects().issued))).toList();
    List<SegmentCheckpoint> committed = checkpoints.commit(plain, newPosition);
    for (int i = 0; i < pages.size(); i++) {
      instances.putAll(pages.get(i).effects().instances);
      folded.put(committed.get(i).segment(), committed.get(i));
    }
    return committed;
  }

  /**
   * Folds the instances of the segments {@code stale} from the start of the log up to where each
   * segment stands (for the keys of a merged segment's half that was ahead, up to that half's
   * position), reacting to nothing: those events were reacted to when they were first handled.
   */
  private void fold(List<SegmentCheckpoint> stale) {
    for (SegmentCheckpoint segment : stale) {
      folded.remove(segment.segment());
      instances.keySet().removeIf(segment.segment()::contains);
    }
    long end = stale.stream().mapToLong(c -> Math.max(c.checkpoint().position(),
        c.ahead().map(SegmentCheckpoint.Ahead::position).orElse(0L))).max().orElse(0);
    long read = 0;
    while (read < end) {
      List<RecordedEvent> page = events.readAll(read, pageSize);
      if (page.isEmpty()) {
        break;
      }
      for (RecordedEvent recorded : page) {
        if (recorded.globalPosition() > end) {
          break;
        }
        if (types.shouldRead(recorded)) {
          Event event = codec.decode(recorded);
          steps.keyOf(event, recorded).ifPresent(key -> {
            boolean applied = stale.stream().anyMatch(c -> c.segment().contains(key)
                && !c.isNew(key, recorded.globalPosition()));
            if (applied) {
              steps.evolve(instances.get(key), key, event, recorded)
                  .ifPresent(after -> instances.put(key, after));
            }
          });
        }
      }
      read = page.get(page.size() - 1).globalPosition();
    }
    stale.forEach(c -> folded.put(c.segment(), c));
  }
}
