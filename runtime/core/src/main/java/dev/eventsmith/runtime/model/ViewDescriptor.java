package dev.eventsmith.runtime.model;

import dev.eventsmith.runtime.projection.RowCodec;
import java.util.Objects;

/**
 * One view of a model.
 *
 * @param name the view's name in the model, e.g. {@code CartSummary}
 * @param projector the generated projector contract its logic implements, e.g. {@code CartSummaryProjector}
 * @param rows the codec of its keys and rows, for durable view stores and APIs
 * @param key the name of its key field, e.g. {@code cartId}
 * @param <K> the view's key
 * @param <V> the view's row
 */
public record ViewDescriptor<K, V>(String name, Class<?> projector, RowCodec<K, V> rows, String key) {

  public ViewDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(projector, "projector");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(key, "key");
  }
}
