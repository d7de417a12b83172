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
 * <p>A durable store records which lookups (by name and {@code version}) its index was built for.
 * When it is opened with a codec that declares a lookup it has no index of, or one of another
 * version, it rebuilds that lookup's index from the stored rows; a lookup no longer declared loses
 * its index. So change the version whenever {@code values} changes what it gives for a row.
 *
 * @param name the lookup's name (the field's): ASCII letters and digits, starting with a letter, at
 *     most 64 characters
 * @param values a row's values of the lookup
 * @param version names what {@code values} computes: 1 to 64 printable ASCII characters; any change
 *     makes durable stores rebuild the lookup's index when they are opened
 */
public record Lookup<V>(String name, Function<V, Collection<String>> values, String version) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
  private static final Pattern VERSION = Pattern.compile("[\\x21-\\x7e]{1,64}");

  /** The version a lookup has unless it says otherwise. */
  public static final String FIRST_VERSION = "1";

  public Lookup {
    Objects.requireNonNull(values, "values");
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException("a lookup is named like a field, in ASCII letters and digits: " + name);
    }
    if (!VERSION.matcher(Objects.requireNonNull(version, "version")).matches()) {
      throw new IllegalArgumentException("a lookup's version is 1 to 64 printable ASCII characters without spaces: \""
          + version + "\"");
    }
  }

  /** A lookup at {@link #FIRST_VERSION}. */
  public Lookup(String name, Function<V, Collection<String>> values) {
    this(name, values, FIRST_VERSION);
  }
}
