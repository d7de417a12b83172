package dev.eventsmith.http;

/**
 * How many rows a view lookup answers: {@code size} when the request gives no limit, at most
 * {@code max} whatever it asks.
 */
record PageLimits(int size, int max) {

  PageLimits {
    if (size < 1 || max < size) {
      throw new IllegalArgumentException("eventsmith.http.page-size is " + size + " and max-page-size " + max
          + ": a page size is at least 1 and at most the max-page-size");
    }
  }
}
