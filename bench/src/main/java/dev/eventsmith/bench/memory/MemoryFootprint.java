package dev.eventsmith.bench.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eventsmith.bench.axon.AxonEventLog;
import dev.eventsmith.bench.cart.EventsmithCarts;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * How much heap the in-memory stores hold per event, measured as the heap in use after full
 * collections before and after filling a store; and whether Eventsmith's in-memory store holds ten
 * million 200-byte events in this JVM's heap (run it with {@code -Xmx4g}). Each event is appended
 * on its own, as a command would, to a stream of ten, with a payload array of its own and no
 * metadata; Axon's events carry an object payload with the same fields as the JSON.
 *
 * <p>{@code java -Xmx4g -cp benchmarks.jar dev.eventsmith.bench.memory.MemoryFootprint <out.json> [events] [target]}
 */
public final class MemoryFootprint {

  static final int PAYLOAD_BYTES = 200;
  static final int STREAM_LENGTH = 10;
  static final int CACHED_CARTS = 20_000;

  private MemoryFootprint() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int target = args.length > 2 ? Integer.parseInt(args[2]) : 10_000_000;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    result.put("events", events);
    result.put("payloadBytes", PAYLOAD_BYTES);
    result.put("eventsmithBytesPerEvent", eventsmithBytesPerEvent(events));
    result.put("axonBytesPerEvent", axonBytesPerEvent(events));
    result.put("cachedCarts", CACHED_CARTS);
    // Each cart loaded once on the first two: both hold what the store keeps decoded, so their difference is the cache.
    long cachedHeap = heapWithCarts(CACHED_CARTS, true, true);
    long loadedHeap = heapWithCarts(CACHED_CARTS, false, true);
    long storedHeap = heapWithCarts(CACHED_CARTS, false, false);
    result.put("stateCacheBytesPerStream", (double) (cachedHeap - loadedHeap) / CACHED_CARTS);
    result.put("decodedBytesPerEvent", (double) (loadedHeap - storedHeap) / (CACHED_CARTS * STREAM_LENGTH));
    result.putAll(fill(target));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    System.out.println(result);
  }

  static double eventsmithBytesPerEvent(int events) {
    long before = usedAfterGc();
    InMemoryEventStore store = new InMemoryEventStore();
    appendEvents(store, 0, events);
    long after = usedAfterGc();
    if (store.streamVersion(stream(0)) != Math.min(events, STREAM_LENGTH)) {
      throw new IllegalStateException("the store lost events");
    }
    return (double) (after - before) / events;
  }

  /**
   * The heap held by {@code count} of the example's carts (ten events each) in an in-memory store:
   * with every cart's folded state in the handler's cache or not, each cart loaded once by a command
   * or never (the store keeps the events a handler loaded decoded). Differences give the bytes a
   * state cache holds per stream and the bytes kept per decoded event.
   */
  private static long heapWithCarts(int count, boolean cached, boolean loaded) {
    long before = usedAfterGc();
    EventsmithCarts carts = new EventsmithCarts(InMemoryEventStore::new, null, cached);
    carts.prepare(count, STREAM_LENGTH); // a cached handler loads each cart as it prepares it
    if (loaded && !cached) {
      for (int i = 0; i < count; i++) {
        carts.addTooMany(i);
      }
    }
    long used = usedAfterGc() - before;
    Reference.reachabilityFence(carts);
    carts.close();
    return used;
  }

  static double axonBytesPerEvent(int events) {
    long before = usedAfterGc();
    AxonEventLog log = AxonEventLog.inMemory();
    for (int i = 0; i < events; i++) {
      String n = Integer.toString(i);
      log.append(List.of(new GenericDomainEventMessage<>("Cart", "Cart-" + (i / STREAM_LENGTH), i % STREAM_LENGTH,
          new dev.eventsmith.bench.Payloads.Item(new UUID(1, i / STREAM_LENGTH), "SKU-" + n, "19.99", 2,
              "customer-" + n + "@example.com", "gift wrap, please " + n, "2026-01-01T12:00:00." + n + "Z"))));
    }
    long after = usedAfterGc();
    if (log.store().readEvents("Cart-0").asStream().count() != Math.min(events, STREAM_LENGTH)) {
      throw new IllegalStateException("Axon lost events");
    }
    log.close();
    return (double) (after - before) / events;
  }

  /** Appends up to {@code target} events to one store; reports how many it held when the heap ran out, if it did. */
  static Map<String, Object> fill(int target) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("target", target);
    InMemoryEventStore store = new InMemoryEventStore();
    int held = 0;
    try {
      while (held < target) {
        appendEvent(store, held);
        held++;
      }
      result.put("held", held);
      result.put("fits", true);
      result.put("usedBytesAfterGc", usedAfterGc());
    } catch (OutOfMemoryError e) {
      store = null;
      result.put("held", held);
      result.put("fits", false);
    }
    return result;
  }

  private static void appendEvents(InMemoryEventStore store, int from, int to) {
    for (int i = from; i < to; i++) {
      appendEvent(store, i);
    }
  }

  private static void appendEvent(InMemoryEventStore store, int i) {
    byte[] payload = new byte[PAYLOAD_BYTES];
    payload[0] = '{';
    payload[PAYLOAD_BYTES - 1] = '}';
    store.append(stream(i / STREAM_LENGTH), ExpectedVersion.any(),
        List.of(new NewEvent(UUID.randomUUID(), "ItemAdded", 1, payload, Map.of())));
  }

  private static StreamId stream(int cart) {
    return new StreamId("Cart", new UUID(1, cart).toString());
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
