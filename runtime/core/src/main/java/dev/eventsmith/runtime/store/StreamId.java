package dev.eventsmith.runtime.store;

import java.util.Objects;

/**
 * The name of one stream: an aggregate type (its category) and the id of one aggregate, written
 * {@code Cart-5f0c...}. Both parts are well-formed text without NUL, and the whole name is at most
 * {@value StoredText#MAX_LENGTH} characters (UTF-16 code units), the same in every store: see
 * {@link StoredText}. An id taken from user input that breaks these rules is refused here, with an
 * IllegalArgumentException, before any store sees it.
 */
public record StreamId(String category, String id) {

  public StreamId {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(id, "id");
    if (category.isEmpty() || category.indexOf('-') >= 0) {
      throw new IllegalArgumentException("a stream category must be non-empty and contain no '-': " + category);
    }
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a stream id must be non-empty");
    }
    StoredText.checkWellFormed(category, "a stream category");
    StoredText.checkWellFormed(id, "a stream id");
    if (category.length() + 1 + id.length() > StoredText.MAX_LENGTH) {
      throw new IllegalArgumentException("a stream's name (category-id) is at most " + StoredText.MAX_LENGTH
          + " characters (UTF-16 code units), but the " + category + " id given makes "
          + (category.length() + 1 + id.length()) + "; use a shorter aggregate id");
    }
  }

  /** The stream of aggregate {@code id} of type {@code category}. */
  public static StreamId of(String category, Object id) {
    return new StreamId(category, String.valueOf(id));
  }

  /** Reads the form written by {@link #value()}. */
  public static StreamId parse(String value) {
    int dash = value.indexOf('-');
    if (dash <= 0 || dash == value.length() - 1) {
      throw new IllegalArgumentException("not a stream name of the form Category-id: " + value);
    }
    return new StreamId(value.substring(0, dash), value.substring(dash + 1));
  }

  /** {@code category-id}, the name under which the stream is stored. */
  public String value() {
    return category + "-" + id;
  }

  @Override
  public String toString() {
    return value();
  }
}
