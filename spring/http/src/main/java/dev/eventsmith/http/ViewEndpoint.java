package dev.eventsmith.http;

import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.JsonWriter;
import dev.eventsmith.runtime.projection.Lookup;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.StoredText;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.spring.boot.RunningView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /views/<View>/<key>}: one row of a view, as its row codec writes it; and
 * {@code GET /views/<View>?<lookup>=<value>}: a page of the rows whose lookup field has the value.
 * With {@code ?position=N} (from a command's answer) either first waits, up to the read timeout,
 * until the view has applied the log that far, so a client reads its own write. A lookup's page
 * bounds the answer, not the read: the view store finds every matching row, and the page is cut
 * from them.
 */
final class ViewEndpoint {

  private static final String LIMIT = "limit";
  private static final String OFFSET = "offset";
  private static final String POSITION = "position";

  private final Projections projections;
  private final Duration readTimeout;
  private final PageLimits pages;

  ViewEndpoint(Projections projections, Duration readTimeout, PageLimits pages) {
    this.projections = projections;
    this.readTimeout = readTimeout;
    this.pages = pages;
  }

  ServerResponse byKey(ServerRequest request) throws InterruptedException {
    Optional<RunningView<?, ?>> view = view(request);
    return view.isEmpty() ? unknownView(request) : row(request, view.get());
  }

  ServerResponse byLookup(ServerRequest request) throws InterruptedException {
    Optional<RunningView<?, ?>> view = view(request);
    if (view.isEmpty()) {
      return unknownView(request);
    }
    try {
      return rows(request, view.get());
    } catch (InvalidParameter invalid) {
      return new Problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", invalid.getMessage(),
          request.path()).with(json -> {
            if (invalid.parameter != null) {
              json.field("parameter").string(invalid.parameter);
            }
          }).response();
    }
  }

  private Optional<RunningView<?, ?>> view(ServerRequest request) {
    return projections.view(request.pathVariable("view"));
  }

  private ServerResponse unknownView(ServerRequest request) {
    return new Problem(HttpStatus.NOT_FOUND, "unknown-view", "No such view", "this service has no view "
        + request.pathVariable("view") + "; its views are "
        + String.join(", ", projections.all().stream().map(RunningView::name).toList()), request.path()).response();
  }

  private <K, V> ServerResponse rows(ServerRequest request, RunningView<K, V> view) throws InterruptedException {
    Map<String, Lookup<V>> lookups = new LinkedHashMap<>();
    view.descriptor().rows().lookups().forEach(lookup -> lookups.put(lookup.name(), lookup));
    for (Map.Entry<String, List<String>> parameter : request.params().entrySet()) {
      String name = parameter.getKey();
      if (parameter.getValue().size() != 1) {
        throw new InvalidParameter(name, name + " is given " + parameter.getValue().size() + " times; give it once");
      }
      if (!lookups.containsKey(name) && !name.equals(LIMIT) && !name.equals(OFFSET) && !name.equals(POSITION)) {
        throw new InvalidParameter(name, "view " + view.name() + " has no lookup " + name + "; "
            + (lookups.isEmpty() ? "it has none: " + byKey(view) : "its lookups are "
            + String.join(", ", lookups.keySet()))
            + " (and the parameters limit, offset and position)");
      }
    }
    // In the view's order, so that the lookup blamed does not depend on the order of the query.
    List<Lookup<V>> given = lookups.values().stream().filter(l -> request.param(l.name()).isPresent()).toList();
    if (given.isEmpty()) {
      throw new InvalidParameter(null, lookups.isEmpty()
          ? "view " + view.name() + " has no lookups: " + byKey(view)
          : "give one of the lookups of view " + view.name() + ": " + String.join(", ", lookups.keySet()));
    }
    if (given.size() > 1) {
      throw new InvalidParameter(given.get(1).name(), "give one lookup at a time: this request gives "
          + String.join(" and ", given.stream().map(Lookup::name).toList()));
    }
    Lookup<V> lookup = given.get(0);
    String value = request.param(lookup.name()).orElseThrow();
    try {
      // A row's lookup values are stored as keys are: other text is in no row, and no store should see it.
      StoredText.check(value, lookup.name());
    } catch (IllegalArgumentException notText) {
      throw new InvalidParameter(lookup.name(), notText.getMessage());
    }
    int limit = integer(request, LIMIT, pages.size(), 1, pages.max());
    int offset = integer(request, OFFSET, 0, 0, Integer.MAX_VALUE);
    Optional<String> position = request.param(POSITION);
    if (position.isPresent()) {
      Optional<ServerResponse> behind = awaitPosition(request, view, position.get());
      if (behind.isPresent()) {
        return behind.get();
      }
    }
    // Only the page is read (one row more says whether another page follows); the total is counted
    // from the lookup's index, in a read of its own.
    Map<K, V> found;
    long total;
    try {
      found = view.lookup(lookup, value, offset, limit + 1);
      total = view.count(lookup, value);
    } catch (StoreUnavailableException unavailable) {
      return unavailable(request);
    }
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
        .body(page(view, found.values(), total, offset, limit));
  }

  private static String byKey(RunningView<?, ?> view) {
    return "read its rows by key, at views/" + view.name() + "/<" + view.descriptor().key() + ">";
  }

  private static <V> byte[] page(RunningView<?, V> view, Collection<V> found, long total, int offset, int limit) {
    JsonWriter json = JsonWriter.object();
    json.field("rows").startArray();
    found.stream().limit(limit).forEach(row ->
        json.value(JsonValue.parse(view.descriptor().rows().encodeRow(row).getBytes(StandardCharsets.UTF_8))));
    json.endArray();
    json.field("total").int64(total);
    json.field(OFFSET).int32(offset);
    json.field(LIMIT).int32(limit);
    if (found.size() > limit) {
      json.field("nextOffset").int32(offset + limit);
    }
    return json.toBytes();
  }

  private static int integer(ServerRequest request, String name, int otherwise, int min, int max) {
    Optional<String> text = request.param(name);
    if (text.isEmpty()) {
      return otherwise;
    }
    long value;
    try {
      value = Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      value = Long.MIN_VALUE;
    }
    if (value < min || value > max) {
      throw new InvalidParameter(name, name + " is an integer from " + min + " to " + max + ", not '" + text.get()
          + "'");
    }
    return (int) value;
  }

  private static ServerResponse unavailable(ServerRequest request) {
    return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
        "the view store is unavailable for now; read again later", request.path()).retryAfter(1).response();
  }

  /** A query parameter that is not valid, named in the problem; or (no name) a lookup is missing. */
  private static final class InvalidParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    InvalidParameter(String parameter, String detail) {
      super(detail, null, false, false);
      this.parameter = parameter;
    }
  }

  private <K, V> ServerResponse row(ServerRequest request, RunningView<K, V> view) throws InterruptedException {
    String keyField = view.descriptor().key();
    String text = request.pathVariable("key");
    K key;
    try {
      key = view.descriptor().rows().decodeKey(text);
    } catch (RuntimeException e) {
      return new Problem(HttpStatus.BAD_REQUEST, "invalid-key", "Invalid key", "'" + text + "' is not a "
          + keyField + " of view " + view.name() + ": " + e.getMessage(), request.path()).response();
    }
    Optional<String> position = request.param("position");
    if (position.isPresent()) {
      Optional<ServerResponse> behind = awaitPosition(request, view, position.get());
      if (behind.isPresent()) {
        return behind.get();
      }
    }
    Optional<V> row;
    try {
      row = view.find(key);
    } catch (StoreUnavailableException unavailable) {
      return unavailable(request);
    }
    if (row.isEmpty()) {
      return new Problem(HttpStatus.NOT_FOUND, "not-found", "No such row",
          "view " + view.name() + " has no row with " + keyField + " " + text, request.path()).response();
    }
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
        .body(view.descriptor().rows().encodeRow(row.get()).getBytes(StandardCharsets.UTF_8));
  }

  private Optional<ServerResponse> awaitPosition(ServerRequest request, RunningView<?, ?> view, String text)
      throws InterruptedException {
    long position;
    try {
      position = Long.parseLong(text);
    } catch (NumberFormatException e) {
      position = -1;
    }
    if (position < 0) {
      return Optional.of(new Problem(HttpStatus.BAD_REQUEST, "invalid-position", "Invalid position",
          "position is a global position of the log (an integer from 0), not '" + text + "'", request.path())
          .with(json -> json.field("parameter").string(POSITION)).response());
    }
    try {
      if (view.awaitCheckpoint(position, readTimeout)) {
        return Optional.empty();
      }
      return Optional.of(new Problem(HttpStatus.SERVICE_UNAVAILABLE, "view-behind", "View behind",
          "view " + view.name() + " has not applied the log up to position " + position + " within " + readTimeout
              + " (it is at " + view.checkpoint() + "); read again later", request.path()).retryAfter(1).response());
    } catch (IllegalStateException stopped) {
      return Optional.of(new Problem(HttpStatus.SERVICE_UNAVAILABLE, "view-stopped", "View stopped",
          "view " + view.name() + " stopped at position " + view.checkpoint() + " on a fault; it needs an operator "
              + "(see the health of eventsmithProjections)", request.path()).response());
    }
  }
}
