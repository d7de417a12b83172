package dev.eventsmith.http;

import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.spring.boot.RunningView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /views/<View>/<key>}: one row of a view, as its row codec writes it. With
 * {@code ?position=N} (from a command's answer) it first waits, up to the read timeout, until the
 * view has applied the log that far, so a client reads its own write.
 */
final class ViewEndpoint {

  private final Projections projections;
  private final Duration readTimeout;

  ViewEndpoint(Projections projections, Duration readTimeout) {
    this.projections = projections;
    this.readTimeout = readTimeout;
  }

  ServerResponse byKey(ServerRequest request) throws InterruptedException {
    String name = request.pathVariable("view");
    Optional<RunningView<?, ?>> view = projections.view(name);
    if (view.isEmpty()) {
      return new Problem(HttpStatus.NOT_FOUND, "unknown-view", "No such view", "this service has no view " + name
          + "; its views are " + String.join(", ", projections.all().stream().map(RunningView::name).toList()),
          request.path()).response();
    }
    return row(request, view.get());
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
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
          "the view store is unavailable for now; read again later", request.path()).retryAfter(1).response();
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
          .response());
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
