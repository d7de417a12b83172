package dev.eventsmith.bench;

import dev.eventsmith.bench.axon.AxonEventLog;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.StreamId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to the in-memory stores; scores are events per second. The stores are replaced every
 * iteration so memory stays bounded, and the events are built once: this measures the stores.
 * Axon's side publishes the same 100 events to its EmbeddedEventStore on the in-memory engine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class InMemoryAppendBenchmark {

  static final int BATCH = 100;
  static final int STREAMS = 1_000;

  private InMemoryEventStore store;
  private AxonEventLog axon;
  private List<DomainEventMessage<?>> axonBatch;
  private StreamId[] streams;
  private int next;

  @Setup(Level.Iteration)
  public void freshStore() {
    store = new InMemoryEventStore();
    if (axon != null) {
      axon.close();
    }
    axon = AxonEventLog.inMemory();
    axonBatch = Payloads.axonEvents("Mem-1", 0, BATCH);
    streams = new StreamId[STREAMS];
    for (int i = 0; i < STREAMS; i++) {
      streams[i] = StreamId.of("Mem", i);
    }
    System.gc();
  }

  @TearDown(Level.Trial)
  public void close() {
    axon.close();
  }

  /** One event per append, round robin over 1,000 streams, with any version expected. */
  @Benchmark
  public Object singleEventAppend() {
    return store.append(streams[next++ % STREAMS], ExpectedVersion.any(), List.of(Payloads.event()));
  }

  /** 100 events per append. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object batchedAppend() {
    return store.append(streams[next++ % STREAMS], ExpectedVersion.any(), Payloads.events(BATCH));
  }

  /** Axon: 100 events per {@code EventStore.publish}, outside a unit of work (appended at once). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object axonBatchedAppend() {
    axon.append(axonBatch);
    return axon;
  }
}
