package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.store.AppendResult;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Writers that each append two events at a time to a stream of their own, all at once. */
final class ParallelWriters {

  private final EventStore store;
  private final int writers;
  private final int appends;

  ParallelWriters(EventStore store, int writers, int appends) {
    this.store = store;
    this.writers = writers;
    this.appends = appends;
  }

  Map<StreamId, List<AppendResult>> run() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      Map<StreamId, Future<List<AppendResult>>> futures = new HashMap<>();
      for (int w = 0; w < writers; w++) {
        StreamId stream = StreamId.of("Writer", w + "-" + UUID.randomUUID());
        futures.put(stream, pool.submit(writer(stream, start)));
      }
      start.countDown();
      Map<StreamId, List<AppendResult>> results = new HashMap<>();
      for (Map.Entry<StreamId, Future<List<AppendResult>>> entry : futures.entrySet()) {
        results.put(entry.getKey(), entry.getValue().get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private Callable<List<AppendResult>> writer(StreamId stream, CountDownLatch start) {
    return () -> {
      start.await();
      List<AppendResult> results = new ArrayList<>();
      for (int i = 0; i < appends; i++) {
        results.add(store.append(stream, ExpectedVersion.exactly(2L * i), Events.events(stream + "/" + i + "/", 2)));
      }
      return results;
    };
  }
}
