package dev.eventsmith.bench.projection;

import com.example.cart.CartSummary;
import com.example.cart.CartSummaryProjection;
import com.example.cart.ShoppingCartCodec;
import dev.eventsmith.bench.axon.AxonCartSummaries;
import dev.eventsmith.bench.axon.AxonCarts;
import dev.eventsmith.bench.axon.AxonEventLog;
import dev.eventsmith.bench.cart.EventsmithCarts;
import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A view catching up with {@code events} stored events from its start, in memory: the example's
 * CartSummary projection. Eventsmith: a {@link ProjectionRunner} over the in-memory store into an
 * in-memory view store, pages of 500, one thread. Axon: a PooledStreamingEventProcessor on the
 * EmbeddedEventStore (in-memory engine) with an in-memory token store, one segment, batches of 500
 * (its coordinator thread reads, a worker thread handles), running {@link AxonCartSummaries}. Each
 * call is one full catch-up on a fresh view; the score is the time it takes, events per second in
 * the report. The log holds carts of 10 events, one cart after another.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class ProjectionBenchmark {

  static final int CART_LENGTH = 10;
  static final int PAGE = 500;

  @Param({"eventsmith", "axon"})
  public String contender;

  /** Events in the log, a multiple of 10. */
  @Param({"1000000"})
  public int events;

  private InMemoryEventStore store;
  private AxonEventLog axon;
  private ProjectionRunner<UUID, CartSummary> runner;
  private InMemoryViewStore<UUID, CartSummary> view;
  private AxonCartSummaries summaries;
  private PooledStreamingEventProcessor processor;
  private ScheduledExecutorService coordinator;
  private ScheduledExecutorService worker;

  @Setup(Level.Trial)
  public void fill() {
    if (contender.equals("eventsmith")) {
      store = new InMemoryEventStore();
    } else {
      axon = AxonEventLog.inMemory();
    }
    for (int cart = 0; cart < events / CART_LENGTH; cart++) {
      UUID id = new UUID(0xca27L, cart);
      if (store != null) {
        var history = EventsmithCarts.history(id, CART_LENGTH);
        store.append(history.get(0).streamId(), ExpectedVersion.exactly(0), EventsmithCarts.encode(history));
      } else {
        axon.append(AxonCarts.history(id, CART_LENGTH));
      }
    }
  }

  @Setup(Level.Invocation)
  public void freshView() {
    if (store != null) {
      view = new InMemoryViewStore<>();
      runner = new ProjectionRunner<>(store, ShoppingCartCodec.INSTANCE, new CartSummaryProjection(), view)
          .withPageSize(PAGE);
    } else {
      summaries = new AxonCartSummaries(events);
      coordinator = Executors.newSingleThreadScheduledExecutor();
      worker = Executors.newSingleThreadScheduledExecutor();
      processor = PooledStreamingEventProcessor.builder()
          .name("cart-summary")
          .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(summaries).build())
          .messageSource(axon.store())
          .tokenStore(new InMemoryTokenStore())
          .transactionManager(NoTransactionManager.INSTANCE)
          .coordinatorExecutor(coordinator)
          .workerExecutor(worker)
          .initialSegmentCount(1)
          .batchSize(PAGE)
          .initialToken(StreamableMessageSource::createTailToken)
          .build();
    }
    System.gc();
  }

  @Benchmark
  public Object catchUp() throws Exception {
    if (runner != null) {
      int applied = runner.catchUp();
      if (applied != events) {
        throw new IllegalStateException("the view applied " + applied + " events of " + events);
      }
      return view;
    }
    processor.start();
    return summaries.done().get(10, TimeUnit.MINUTES);
  }

  @TearDown(Level.Invocation)
  public void stopProcessor() throws Exception {
    if (processor != null) {
      processor.shutDown();
      coordinator.shutdownNow();
      worker.shutdownNow();
      if (summaries.rows() != events / CART_LENGTH) {
        throw new IllegalStateException("Axon's view has " + summaries.rows() + " rows");
      }
      processor = null;
    }
    if (view != null && view.all().size() != events / CART_LENGTH) {
      throw new IllegalStateException("the view has " + view.all().size() + " rows");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (axon != null) {
      axon.close();
    }
  }
}
