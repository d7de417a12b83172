package dev.eventsmith.runtime.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of a parsed JSON object, in order, as an unmodifiable map: two arrays rather than a
 * linked hash map, since a stored event has a handful of fields and is read once. Names are looked
 * up by scanning (Jackson hands out interned names, so most comparisons are by reference); an
 * object of more than {@link #SCANNED} fields gets a hash index as well.
 */
final class JsonFields extends AbstractMap<String, JsonValue> {

  static final int SCANNED = 16;

  private final String[] names;
  private final JsonValue[] values;
  private final int size;
  private final Map<String, Integer> index; // null up to SCANNED fields

  private JsonFields(String[] names, JsonValue[] values, int size, Map<String, Integer> index) {
    this.names = names;
    this.values = values;
    this.size = size;
    this.index = index;
  }

  /** Collects the fields of one object as the reader meets them, refusing a name met twice. */
  static final class Builder {
    private String[] names = new String[8];
    private JsonValue[] values = new JsonValue[8];
    private int size;
    private Map<String, Integer> index;

    /** Adds a field; false if the object already has one of that name (nothing is added then). */
    boolean add(String name, JsonValue value) {
      if (indexOf(names, size, index, name) >= 0) {
        return false;
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      if (index != null) {
        index.put(name, size - 1);
      } else if (size > SCANNED) {
        index = new HashMap<>();
        for (int i = 0; i < size; i++) {
          index.put(names[i], i);
        }
      }
      return true;
    }

    JsonFields build() {
      return new JsonFields(names, values, size, index);
    }
  }

  private static int indexOf(String[] names, int size, Map<String, Integer> index, Object name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public JsonValue get(Object name) {
    int at = indexOf(names, size, index, name);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(names, size, index, name) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, JsonValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonValue>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, JsonValue> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, JsonValue> entry = new SimpleImmutableEntry<>(names[next], values[next]);
            next++;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
