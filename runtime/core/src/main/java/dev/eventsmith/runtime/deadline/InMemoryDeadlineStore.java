package dev.eventsmith.runtime.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Deadlines held in memory: for tests, and for processes whose events are in memory too. */
public final class InMemoryDeadlineStore implements DeadlineStore {

  private record Entry(DueDeadline due, Instant claimedUntil) {}

  private final Map<List<String>, Entry> entries = new HashMap<>();
  private long schedules;

  @Override
  public synchronized long schedule(Deadline deadline) {
    Objects.requireNonNull(deadline, "deadline");
    long schedule = ++schedules;
    entries.put(List.of(deadline.owner(), deadline.name()), new Entry(new DueDeadline(deadline, schedule), null));
    return schedule;
  }

  @Override
  public synchronized boolean cancel(String owner, String name) {
    return entries.remove(List.of(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(name, "name")))
        != null;
  }

  @Override
  public synchronized List<DueDeadline> claimDue(Instant now, Duration lease, int limit) {
    DeadlineStore.checkClaim(now, lease, limit);
    List<Map.Entry<List<String>, Entry>> due = new ArrayList<>();
    for (Map.Entry<List<String>, Entry> entry : entries.entrySet()) {
      Entry e = entry.getValue();
      if (!e.due().deadline().due().isAfter(now) && (e.claimedUntil() == null || !e.claimedUntil().isAfter(now))) {
        due.add(entry);
      }
    }
    due.sort(Comparator.comparing(entry -> entry.getValue().due().deadline().due()));
    List<DueDeadline> claimed = new ArrayList<>();
    for (Map.Entry<List<String>, Entry> entry : due.subList(0, Math.min(limit, due.size()))) {
      entries.put(entry.getKey(), new Entry(entry.getValue().due(), now.plus(lease)));
      claimed.add(entry.getValue().due());
    }
    return claimed;
  }

  @Override
  public synchronized boolean complete(DueDeadline fired) {
    List<String> key = List.of(fired.deadline().owner(), fired.deadline().name());
    Entry entry = entries.get(key);
    if (entry == null || entry.due().schedule() != fired.schedule()) {
      return false;
    }
    entries.remove(key);
    return true;
  }

  @Override
  public synchronized List<DueDeadline> scheduled(String owner) {
    Objects.requireNonNull(owner, "owner");
    return entries.values().stream().map(Entry::due).filter(d -> d.deadline().owner().equals(owner))
        .sorted(Comparator.comparing(d -> d.deadline().name())).toList();
  }
}
