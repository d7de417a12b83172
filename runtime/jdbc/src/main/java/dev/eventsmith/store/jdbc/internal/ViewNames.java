package dev.eventsmith.store.jdbc.internal;

import java.util.regex.Pattern;

/** A view's name names its table, so it is limited to what every database accepts as a name. */
public final class ViewNames {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private ViewNames() {}

  /** Returns {@code view} if it may name a view's table; throws IllegalArgumentException if not. */
  public static String check(String view) {
    if (!NAME.matcher(view).matches()) {
      throw new IllegalArgumentException("a view's name is 1 to 48 lower case letters, digits or '_', starting with "
          + "a letter, since it names a table; \"" + view + "\" is not, use e.g. \"cart_summaries\"");
    }
    return view;
  }
}
