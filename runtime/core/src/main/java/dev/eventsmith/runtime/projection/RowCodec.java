package dev.eventsmith.runtime.projection;

import java.util.List;

/**
 * Turns a view's keys into text and its rows into JSON and back, so durable view stores can hold
 * any view in the same two columns. The generator emits one per view ({@code <View>RowCodec}).
 *
 * <p>Both directions must round-trip: {@code decodeKey(encodeKey(k)).equals(k)} and
 * {@code decodeRow(encodeRow(v)).equals(v)}; the stores look rows up by the encoded key.
 *
 * @param <K> the view's key
 * @param <V> the view's row
 */
public interface RowCodec<K, V> {

  /** The key as text; equal keys must give equal text. */
  String encodeKey(K key);

  K decodeKey(String text);

  /** The row as a JSON document (an object, usually). */
  String encodeRow(V row);

  V decodeRow(String json);

  /** The fields the view is queried by, which durable stores index; none by default. */
  default List<Lookup<V>> lookups() {
    return List.of();
  }
}
