package dev.eventsmith.bench;

import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Appends to the in-memory store; scores are events per second. The store is replaced every
 * iteration so memory stays bounded, and the events are built once: this measures the store.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class InMemoryAppendBenchmark {

  static final int BATCH = 100;
  static final int STREAMS = 1_000;

  private InMemoryEventStore store;
  private List<NewEvent> one;
  private List<NewEvent> batch;
  private StreamId[] streams;
  private int next;

  @Setup(Level.Iteration)
  public void freshStore() {
    store = new InMemoryEventStore();
    one = Payloads.events(1);
    batch = Payloads.events(BATCH);
    streams = new StreamId[STREAMS];
    for (int i = 0; i < STREAMS; i++) {
      streams[i] = StreamId.of("Mem", i);
    }
  }

  /** One event per append, round robin over 1,000 streams, with any version expected. */
  @Benchmark
  public Object singleEventAppend() {
    return store.append(streams[next++ % STREAMS], ExpectedVersion.any(), one);
  }

  /** 100 events per append. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object batchedAppend() {
    return store.append(streams[next++ % STREAMS], ExpectedVersion.any(), batch);
  }
}
