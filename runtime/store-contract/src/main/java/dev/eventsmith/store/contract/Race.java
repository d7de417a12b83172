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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers racing for every version of one stream, in rounds: each round, all of them read the
 * stream's version, wait for each other, then all append two events expecting that version at
 * once. A barrier rather than luck makes them race, so even a store fast enough to finish an
 * append within one time slice is raced against.
 */
final class Race {

  private final EventStore store;
  private final StreamId stream;
  private final int writers;
  private final int rounds;
  private final AtomicInteger refused = new AtomicInteger();

  Race(EventStore store, StreamId stream, int writers, int rounds) {
    this.store = store;
    this.stream = stream;
    this.writers = writers;
    this.rounds = rounds;
  }

  List<RaceWin> run() throws Exception {
    ConcurrentLinkedQueue<RaceWin> wins = new ConcurrentLinkedQueue<>();
    CyclicBarrier barrier = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(writer("w" + w, barrier, wins)));
      }
      for (Future<Void> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(wins);
  }

  /** How many appends were refused with a wrong expected version. */
  int refused() {
    return refused.get();
  }

  private Callable<Void> writer(String name, CyclicBarrier barrier, ConcurrentLinkedQueue<RaceWin> wins) {
    return () -> {
      for (int round = 0; round < rounds; round++) {
        long version = store.streamVersion(stream);
        barrier.await(60, TimeUnit.SECONDS);
        String tag = name + "#" + round;
        try {
          AppendResult result = store.append(stream, ExpectedVersion.exactly(version),
              List.of(event("Raced", tag + "/1"), event("Raced", tag + "/2")));
          wins.add(new RaceWin(version, tag, result));
        } catch (WrongExpectedVersionException expected) {
          refused.incrementAndGet();
        }
        // Nobody reads the next version before every append of this round has finished.
        barrier.await(60, TimeUnit.SECONDS);
      }
      return null;
    };
  }
}
