package dev.eventsmith.spec.yaml;

/** Reads the version numbers written in {@code versions:} keys and in a spec's {@code Event@N}. */
final class StoredVersions {
  private static final int MAX = 1_000_000;

  private StoredVersions() {}

  /** The positive version number {@code text} spells in plain digits, or -1 if it spells none. */
  static int number(String text) {
    if (text.isEmpty() || text.length() > 7 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int number = Integer.parseInt(text);
    return number <= MAX ? number : -1;
  }
}
