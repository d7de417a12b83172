package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.projection.AppendSignal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One registration with a store's append signal, shared by every runner of a service: the
 * PostgreSQL store holds a connection per registration (it LISTENs), so a registration per view
 * and automation would take as many connections from the pool.
 */
public final class SharedAppendSignal implements AppendSignal, AutoCloseable {

  private final AppendSignal store;
  private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();
  private Registration registration;
  private boolean closed;

  public SharedAppendSignal(AppendSignal store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public synchronized Registration onAppend(Runnable wakeUp) {
    Objects.requireNonNull(wakeUp, "wakeUp");
    if (closed) {
      throw new IllegalStateException("the append signal is closed: the service is shutting down");
    }
    wakeUps.add(wakeUp);
    if (registration == null) {
      registration = store.onAppend(this::wakeAll);
    }
    return () -> wakeUps.remove(wakeUp);
  }

  private void wakeAll() {
    for (Runnable wakeUp : wakeUps) {
      try {
        wakeUp.run();
      } catch (RuntimeException e) {
        // A wake-up only shortens a wait; one that fails must not keep the others from theirs.
      }
    }
  }

  /** Ends the one registration with the store. */
  @Override
  public synchronized void close() {
    closed = true;
    wakeUps.clear();
    if (registration != null) {
      registration.close();
    }
  }
}
