package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.EventCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Given events, then a view row, exactly some rows, or some rows among others: one spec of a
 * projector, as the generated tests run it. Events the view ignores are skipped, and an event
 * that names several rows changes each of them, as the projection runner does in production.
 */
public final class ViewSpec<K, V> {

  private final Projector<K, V> projector;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final Symbols symbols;
  private final CodecRoundTrip codec;
  private final List<Event> given = new ArrayList<>();
  private final Map<K, V> expected = new LinkedHashMap<>();

  private ViewSpec(Projector<K, V> projector, EventCodec codec, Symbols symbols, SpecSource source) {
    this.projector = Objects.requireNonNull(projector, "projector");
    this.report = new SpecReport(Objects.requireNonNull(source, "source"));
    this.symbols = Objects.requireNonNull(symbols, "symbols");
    this.yaml = new SpecYaml(symbols);
    this.codec = new CodecRoundTrip(Objects.requireNonNull(codec, "codec"), report, yaml);
  }

  public static <K, V> ViewSpec<K, V> of(Projector<K, V> projector, EventCodec codec, Symbols symbols, SpecSource source) {
    return new ViewSpec<>(projector, codec, symbols, source);
  }

  /** The events in the log, oldest first. */
  public ViewSpec<K, V> given(Event... events) {
    given.addAll(Arrays.asList(events));
    return this;
  }

  /** Passes if the row of {@code key} equals {@code expected} after the given events. */
  public void thenView(K key, V expected) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expected, "expected");
    Map<K, V> rows = project();
    V actual = rows.get(key);
    if (actual == null) {
      List<String> keys = new ArrayList<>();
      rows.keySet().forEach(k -> keys.add(symbols.symbolFor(k).orElse(String.valueOf(k))));
      String found = keys.isEmpty() ? "no rows at all" : "rows only for " + String.join(", ", keys);
      throw report.mismatch("no " + expected.getClass().getSimpleName() + " row for key "
          + symbols.symbolFor(key).orElse(String.valueOf(key)) + ": the events made " + found,
          "expected view", yaml.row(expected), "actual view", List.of("(no row)"));
    }
    if (!expected.equals(actual)) {
      throw report.mismatch("", "expected view", yaml.row(expected), "actual view", yaml.row(actual));
    }
  }

  /** Adds a row that {@link #thenExactly} or {@link #thenIncluding} expects; a later row of one key replaces it. */
  public ViewSpec<K, V> expectRow(K key, V row) {
    expected.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(row, "row"));
    return this;
  }

  /**
   * Passes if the view holds exactly the rows of {@link #expectRow}, in any order (none expected:
   * the view has no row at all).
   */
  public void thenExactly() {
    compare(project(), true);
  }

  /** Passes if each row of {@link #expectRow} is in the view as expected; other rows are not checked. */
  public void thenIncluding() {
    compare(project(), false);
  }

  private void compare(Map<K, V> rows, boolean exactly) {
    List<String> reasons = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> differ = new ArrayList<>();
    expected.forEach((key, row) -> {
      if (!rows.containsKey(key)) {
        missing.add(name(key));
      } else if (!row.equals(rows.get(key))) {
        differ.add(name(key));
      }
    });
    List<String> extra = new ArrayList<>();
    if (exactly) {
      rows.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> extra.add(name(k)));
    }
    if (missing.isEmpty() && differ.isEmpty() && extra.isEmpty()) {
      return;
    }
    if (!missing.isEmpty()) {
      reasons.add("no row for " + String.join(", ", missing));
    }
    if (!differ.isEmpty()) {
      reasons.add("other values in the row of " + String.join(", ", differ));
    }
    if (!extra.isEmpty()) {
      reasons.add("rows not expected for " + String.join(", ", extra));
    }
    // Order-free: both sides are shown sorted by key, so equal rows line up.
    List<V> left = sorted(expected);
    Map<K, V> shown = new LinkedHashMap<>();
    rows.forEach((key, row) -> {
      if (exactly || expected.containsKey(key)) {
        shown.put(key, row);
      }
    });
    throw report.mismatch(String.join("; ", reasons), exactly ? "expected rows (exactly)" : "expected rows (among others)",
        yaml.events(left), "actual rows", yaml.events(sorted(shown)));
  }

  private List<V> sorted(Map<K, V> rows) {
    return rows.entrySet().stream().sorted(Comparator.comparing(e -> name(e.getKey()))).map(Map.Entry::getValue).toList();
  }

  private String name(K key) {
    return symbols.symbolFor(key).orElse(String.valueOf(key));
  }

  private Map<K, V> project() {
    Map<K, V> rows = new LinkedHashMap<>();
    for (int i = 0; i < given.size(); i++) {
      Event event = given.get(i);
      String what = "given event #" + (i + 1) + " (" + event.getClass().getSimpleName() + ")";
      codec.check(event, "given event #" + (i + 1));
      List<K> keys;
      try {
        keys = projector.keysOf(event);
      } catch (RuntimeException e) {
        throw report.threw("keysOf " + what, e);
      }
      if (keys == null) {
        throw report.failure("keysOf " + what + " returned null; return an empty value for events the view ignores");
      }
      for (K key : keys) {
        try {
          V row = rows.containsKey(key) ? rows.get(key) : projector.initial(key);
          rows.put(key, Objects.requireNonNull(projector.project(row, event), "project returned null"));
        } catch (RuntimeException e) {
          throw report.threw("projecting " + what, e);
        }
      }
    }
    return rows;
  }
}
