package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.projection.RowCodec;
import dev.eventsmith.runtime.projection.ViewStore;

/**
 * Opens the stores of a service's views where its events are kept (PostgreSQL, SQLite or memory).
 * The starter defines one; define your own bean to keep views elsewhere.
 */
public interface ViewStores {

  /**
   * The view store named {@code name} (lower case, digits and {@code _}, 1 to 47 characters), with
   * rows as {@code rows} writes them. A store that is {@link AutoCloseable} is closed by the starter.
   */
  <K, V> ViewStore<K, V> open(String name, RowCodec<K, V> rows);
}
