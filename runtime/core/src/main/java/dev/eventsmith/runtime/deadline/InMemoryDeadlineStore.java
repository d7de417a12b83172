package dev.eventsmith.runtime.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Deadlines held in memory: for tests, and for processes whose events are in memory too. */
public final class InMemoryDeadlineStore implements DeadlineStore {

  /** @param due null once fired or cancelled; the entry stays to keep its schedule and cause */
  private record Entry(DueDeadline due, long schedule, long cause, Instant claimedUntil) {}

  private final Map<List<String>, Entry> entries = new HashMap<>();
  @Override
  public synchronized long schedule(Deadline deadline, long cause) {
    Objects.requireNonNull(deadline, "deadline");
    List<String> key = List.of(deadline.owner(), deadline.name());
    Entry entry = entries.get(key);
    if (entry != null && entry.cause() >= cause) {
      return entry.schedule();
    }
    long schedule = entry == null ? 1 : entry.schedule() + 1;
    entries.put(key, new Entry(new DueDeadline(deadline, schedule), schedule, cause, null));
    return schedule;
  }

  @Override
  public synchronized boolean cancel(String owner, String name, long cause) {
    List<String> key = List.of(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(name, "name"));
    Entry entry = entries.get(key);
    if (entry == null || entry.due() == null || entry.cause() >= cause) {
      return false;
    }
    entries.put(key, new Entry(null, entry.schedule(), cause, null));
    return true;
  }

  @Override
  public synchronized List<DueDeadline> claimDue(Instant now, Duration lease, int limit) {
    return claim(now, lease, limit, owner -> true);
  }

  @Override
  public synchronized List<DueDeadline> claimDue(Instant now, Duration lease, int limit, Collection<String> owners) {
    Set<String> of = Set.copyOf(owners);
    return claim(now, lease, limit, of::contains);
  }

  private List<DueDeadline> claim(Instant now, Duration lease, int limit, Predicate<String> owner) {
    DeadlineStore.checkClaim(now, lease, limit);
    List<Map.Entry<List<String>, Entry>> due = new ArrayList<>();
    for (Map.Entry<List<String>, Entry> entry : entries.entrySet()) {
      Entry e = entry.getValue();
      if (e.due() != null && owner.test(e.due().deadline().owner()) && !e.due().deadline().due().isAfter(now)
          && (e.claimedUntil() == null || !e.claimedUntil().isAfter(now))) {
        due.add(entry);
      }
    }
    due.sort(Comparator.comparing(entry -> entry.getValue().due().deadline().due()));
    List<DueDeadline> claimed = new ArrayList<>();
    for (Map.Entry<List<String>, Entry> entry : due.subList(0, Math.min(limit, due.size()))) {
      Entry e = entry.getValue();
      entries.put(entry.getKey(), new Entry(e.due(), e.schedule(), e.cause(), now.plus(lease)));
      claimed.add(entry.getValue().due());
    }
    return claimed;
  }

  @Override
  public synchronized boolean complete(DueDeadline fired) {
    List<String> key = List.of(fired.deadline().owner(), fired.deadline().name());
    Entry entry = entries.get(key);
    if (entry == null || entry.due() == null || entry.schedule() != fired.schedule()) {
      return false;
    }
    entries.put(key, new Entry(null, entry.schedule(), entry.cause(), null));
    return true;
  }

  @Override
  public synchronized List<DueDeadline> scheduled(String owner) {
    Objects.requireNonNull(owner, "owner");
    return entries.values().stream().map(Entry::due).filter(d -> d != null && d.deadline().owner().equals(owner))
        .sorted(Comparator.comparing(d -> d.deadline().name())).toList();
  }
}
