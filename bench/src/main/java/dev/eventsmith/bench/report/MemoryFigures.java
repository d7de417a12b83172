package dev.eventsmith.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code MemoryFootprint} measured, read from the {@code memory.json} it wrote. */
record MemoryFigures(long maxHeapBytes, long events, int payloadBytes, double eventsmithBytesPerEvent,
    double axonBytesPerEvent, long target, long held, boolean fits, long cachedCarts,
    double stateCacheBytesPerStream, double decodedBytesPerEvent) {

  static Optional<MemoryFigures> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(parse(Files.readString(file)));
  }

  static MemoryFigures parse(String json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    return new MemoryFigures(root.path("maxHeapBytes").asLong(), root.path("events").asLong(),
        root.path("payloadBytes").asInt(), root.path("eventsmithBytesPerEvent").asDouble(),
        root.path("axonBytesPerEvent").asDouble(), root.path("target").asLong(), root.path("held").asLong(),
        root.path("fits").asBoolean(), root.path("cachedCarts").asLong(),
        root.path("stateCacheBytesPerStream").asDouble(), root.path("decodedBytesPerEvent").asDouble());
  }
}
