package dev.eventsmith.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays expected and actual YAML out in two columns, aligned on their common lines (a longest
 * common subsequence), with {@code >} on the rows that differ: a missing event shifts nothing.
 */
final class SideBySide {

  private static final int MIN_WIDTH = 34;

  private SideBySide() {}

  static List<String> render(String leftTitle, List<String> left, String rightTitle, List<String> right) {
    int width = MIN_WIDTH;
    for (String line : left) {
      width = Math.max(width, line.length() + 2);
    }
    width = Math.max(width, leftTitle.length() + 2);
    List<String> rows = new ArrayList<>();
    rows.add(row(false, leftTitle, rightTitle, width));
    int[][] common = commonSuffixLengths(left, right);
    int i = 0;
    int j = 0;
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    while (i < left.size() || j < right.size()) {
      if (i < left.size() && j < right.size() && left.get(i).equals(right.get(j))) {
        flush(removed, added, rows, width);
        rows.add(row(false, left.get(i), right.get(j), width));
        i++;
        j++;
      } else if (j >= right.size() || i < left.size() && common[i + 1][j] >= common[i][j + 1]) {
        removed.add(left.get(i++));
      } else {
        added.add(right.get(j++));
      }
    }
    flush(removed, added, rows, width);
    return rows;
  }

  /** Pairs a run of removed lines with the run of added lines that replaced them, row by row. */
  private static void flush(List<String> removed, List<String> added, List<String> rows, int width) {
    for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
      rows.add(row(true, k < removed.size() ? removed.get(k) : "", k < added.size() ? added.get(k) : "", width));
    }
    removed.clear();
    added.clear();
  }

  private static String row(boolean differs, String left, String right, int width) {
    String line = (differs ? "> " : "  ") + left + " ".repeat(width - left.length()) + "| " + right;
    return line.stripTrailing();
  }

  private static int[][] commonSuffixLengths(List<String> left, List<String> right) {
    int[][] lengths = new int[left.size() + 1][right.size() + 1];
    for (int i = left.size() - 1; i >= 0; i--) {
      for (int j = right.size() - 1; j >= 0; j--) {
        lengths[i][j] = left.get(i).equals(right.get(j))
            ? lengths[i + 1][j + 1] + 1
            : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
      }
    }
    return lengths;
  }
}
