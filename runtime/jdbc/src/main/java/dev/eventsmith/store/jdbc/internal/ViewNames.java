package dev.eventsmith.store.jdbc.internal;

import java.util.regex.Pattern;

/**
 * A view's name names its table, eventsmith_view_&lt;name&gt;, so it is limited to what every
 * database takes whole as a name: PostgreSQL cuts names past 63 bytes (two long names would then
 * share a table), so a name has at most 47 characters, in SQLite too. Longer names are refused,
 * never cut or hashed: the table keeps the name the user gave.
 */
public final class ViewNames {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,46}");

  private ViewNames() {}

  /** Returns {@code view} if it may name a view's table; throws IllegalArgumentException if not. */
  public static String check(String view) {
    if (!NAME.matcher(view).matches()) {
      throw new IllegalArgumentException("a view's name is 1 to 47 lower case letters, digits or '_', starting with "
          + "a letter, since it names a table; \"" + view + "\" is not, use e.g. \"cart_summaries\"");
    }
    return view;
  }
}
