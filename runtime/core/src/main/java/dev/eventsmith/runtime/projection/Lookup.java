package dev.eventsmith.runtime.projection;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A field a view is queried by: {@code values} gives a row's values of it as text (several for a
 * list field, e.g. tags). Durable view stores whose {@link RowCodec#lookups} name it keep an index
 * of it, updated in the transaction that changes the row; {@link ViewStore#lookup} finds the rows.
 *
 * @param name the lookup's name (the field's): ASCII letters and digits, starting with a letter, at
 *     most 64 characters
 */
public record Lookup<V>(String name, Function<V, Collection<String>> values) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  public Lookup {
    Objects.requireNonNull(values, "values");
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException("a lookup is named like a field, in ASCII letters and digits: " + name);
    }
  }
}
