package dev.eventsmith.spec.diagnostic;

import dev.eventsmith.spec.model.BuiltinType;
import java.util.Collection;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean" suggestions. */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate closest to {@code written} by edit distance (case-insensitive), if it is close
   * enough to be a plausible typo: at most a third of the longer name's length, and at least 1.
   */
  public static Optional<String> closest(String written, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(written)) {
        continue;
      }
      int distance = distance(written.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.max(written.length(), best.length()) / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** " (did you mean 'x'?)" or the empty string, ready to append to a message. */
  public static String suffix(String written, Collection<String> candidates) {
    return closest(written, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /**
   * " (did you mean 'int'?)" for a field type: a known name that differs only in case first, then
   * the built-in type another language spells so ({@code integer}, {@code double},
   * {@code timestamp}), then the closest name by edit distance; or the empty string.
   */
  public static String typeSuffix(String written, Collection<String> candidates) {
    Optional<String> sameButCase = candidates.stream()
        .filter(c -> !c.equals(written) && c.equalsIgnoreCase(written)).sorted().findFirst();
    Optional<String> meant = sameButCase.or(() -> BuiltinType.forSynonym(written).map(BuiltinType::yamlName)
        .filter(candidates::contains).filter(b -> !b.equals(written)));
    return meant.map(c -> " (did you mean '" + c + "'?)").orElseGet(() -> suffix(written, candidates));
  }

  /** Edit distance in which swapping two neighbours counts as one edit, the commonest typo. */
  private static int distance(String a, String b) {
    // Bounded inputs (names), so the plain dynamic programme over whole rows is enough.
    if (a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE / 2;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
