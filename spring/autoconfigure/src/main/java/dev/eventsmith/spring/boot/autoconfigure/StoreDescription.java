package dev.eventsmith.spring.boot.autoconfigure;

import java.util.Objects;

/**
 * Which store a service runs on, for its health and info: a type ({@code postgres}, {@code sqlite},
 * {@code in-memory}), where it is, and a check that it can write.
 *
 * @param location where the data is (a file, a database), or empty
 * @param checkWritable throws when the store cannot write
 */
public record StoreDescription(String type, String location, Runnable checkWritable) {

  public StoreDescription {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(checkWritable, "checkWritable");
  }
}
