package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.projection.AppendSignal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The automations and processes of a service, each following the log while the application
 * context runs: started with the context and stopped after the web server stopped taking requests, each after
 * the events it is handling. Should a stop outlast Spring's shutdown timeout, the context's close
 * still waits for it before the store closes.
 */
public final class Automations implements SmartLifecycle, DisposableBean {

  private final List<RunningAutomation> automations;
  private final Duration pollInterval;
  private final Optional<AppendSignal> signal;
  private final boolean enabled;
  private volatile boolean running;

  /**
   * @param enabled whether the automations run in this instance
   */
  public Automations(List<RunningAutomation> automations, Duration pollInterval, Optional<AppendSignal> signal,
      boolean enabled) {
    this.automations = List.copyOf(automations);
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.signal = Objects.requireNonNull(signal, "signal");
    this.enabled = enabled;
  }

  /** Every automation, in the models' order. */
  public List<RunningAutomation> all() {
    return automations;
  }

  @Override
  public void start() {
    if (enabled) {
      automations.forEach(automation -> automation.start(pollInterval, signal));
    }
    running = true;
  }

  @Override
  public void stop() {
    automations.forEach(RunningAutomation::stop);
    running = false;
  }

  @Override
  public void stop(Runnable callback) {
    Thread stopping = new Thread(() -> {
      try {
        stop();
      } finally {
        callback.run();
      }
    }, "eventsmith-automations-stop");
    stopping.start();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Waits for every automation to stop, as {@link Projections} does: when a stop outlasted the
   * shutdown phase's timeout, Spring goes on to destroy the beans, and the store must not close
   * under an automation that is still handling events.
   */
  @Override
  public void destroy() {
    stop();
  }

  /** With the projections: before the web server starts, after it stops. */
  @Override
  public int getPhase() {
    return Projections.PHASE;
  }
}
