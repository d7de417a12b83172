package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.projection.AppendSignal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The live projections of a service's views: started with the application context, before the web
 * server takes requests; stopped after it stopped taking them, each after the page it is applying.
 */
public final class Projections implements SmartLifecycle, DisposableBean {

  /** Before the web server starts (and so after it stops): views catch up before the first request. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final Map<String, RunningView<?, ?>> views = new LinkedHashMap<>();
  private final Duration pollInterval;
  private final Optional<AppendSignal> signal;
  private final boolean enabled;
  private volatile boolean running;

  /**
   * @param enabled whether the projections follow the log; when false the views are only read
   */
  public Projections(List<RunningView<?, ?>> views, Duration pollInterval, Optional<AppendSignal> signal,
      boolean enabled) {
    for (RunningView<?, ?> view : views) {
      if (this.views.put(view.name(), view) != null) {
        throw new IllegalStateException("two views are named " + view.name() + ": view names must be unique across "
            + "the models of a service");
      }
    }
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.signal = Objects.requireNonNull(signal, "signal");
    this.enabled = enabled;
  }

  /** Every view, in the models' order. */
  public List<RunningView<?, ?>> all() {
    return List.copyOf(views.values());
  }

  /** The view named {@code name} in its model. */
  public Optional<RunningView<?, ?>> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  @Override
  public void start() {
    if (enabled) {
      views.values().forEach(view -> view.start(pollInterval, signal));
    }
    running = true;
  }

  @Override
  public void stop() {
    views.values().forEach(RunningView::stop);
    running = false;
  }

  @Override
  public void stop(Runnable callback) {
    // Each projection finishes its page; off the caller's thread, so Spring's shutdown timeout applies.
    Thread stopping = new Thread(() -> {
      try {
        stop();
      } finally {
        callback.run();
      }
    }, "eventsmith-projections-stop");
    stopping.start();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public void destroy() throws Exception {
    stop();
    for (RunningView<?, ?> view : views.values()) {
      view.closeStore();
    }
  }
}
