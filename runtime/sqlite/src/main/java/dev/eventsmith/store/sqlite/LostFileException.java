package dev.eventsmith.store.sqlite;

import dev.eventsmith.runtime.store.EventStoreException;

/** The store's file was deleted or replaced while the store had it open: what it wrote since is lost. */
final class LostFileException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  LostFileException(String message) {
    super(message);
  }
}
