package dev.eventsmith.store.contract;

import static dev.eventsmith.store.contract.Events.event;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writers that all read the version of one stream and append two events expecting it, retrying
 * on conflict, until the stream holds {@code appends} appends. Every writer races for every version.
 */
final class Race {

  private final EventStore store;
  private final StreamId stream;
  private final int writers;
  private final int appends;

  Race(EventStore store, StreamId stream, int writers, int appends) {
    this.store = store;
    this.stream = stream;
    this.writers = writers;
    this.appends = appends;
  }

  List<RaceWin> run() throws Exception {
    ConcurrentLinkedQueue<RaceWin> wins = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> conflicts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        conflicts.add(pool.submit(writer("w" + w, start, wins)));
      }
      start.countDown();
      int refused = 0;
      for (Future<Integer> f : conflicts) {
        refused += f.get(120, TimeUnit.SECONDS);
      }
      if (refused == 0 && writers > 1) {
        // Not a failure of the store, but then the test proved nothing about conflicts.
        throw new AssertionError("no append was ever refused: the writers did not race");
      }
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(wins);
  }

  private Callable<Integer> writer(String name, CountDownLatch start, ConcurrentLinkedQueue<RaceWin> wins) {
    return () -> {
      start.await();
      int refused = 0;
      for (int attempt = 0; ; attempt++) {
        long version = store.streamVersion(stream);
        if (version >= 2L * appends) {
          return refused;
        }
        String tag = name + "#" + attempt;
        try {
          AppendResult result = store.append(stream, ExpectedVersion.exactly(version),
              List.of(event("Raced", tag + "/1"), event("Raced", tag + "/2")));
          wins.add(new RaceWin(version, tag, result));
        } catch (WrongExpectedVersionException expected) {
          refused++;
        }
      }
    };
  }
}
