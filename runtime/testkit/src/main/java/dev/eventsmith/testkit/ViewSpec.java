package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.codec.EventCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Given events, then a view row: one spec of a projector, as the generated tests run it. Events
 * the view ignores are skipped, as the projection runner does in production.
 */
public final class ViewSpec<K, V> {

  private final Projector<K, V> projector;
  private final SpecReport report;
  private final SpecYaml yaml;
  private final Symbols symbols;
  private final CodecRoundTrip codec;
  private final List<Event> given = new ArrayList<>();

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

  private Map<K, V> project() {
    Map<K, V> rows = new LinkedHashMap<>();
    for (int i = 0; i < given.size(); i++) {
      Event event = given.get(i);
      String what = "given event #" + (i + 1) + " (" + event.getClass().getSimpleName() + ")";
      codec.check(event, "given event #" + (i + 1));
      Optional<K> key;
      try {
        key = projector.keyOf(event);
      } catch (RuntimeException e) {
        throw report.threw("keyOf " + what, e);
      }
      if (key == null) {
        throw report.failure("keyOf " + what + " returned null; return Optional.empty() for events the view ignores");
      }
      if (key.isEmpty()) {
        continue;
      }
      try {
        V row = rows.containsKey(key.get()) ? rows.get(key.get()) : projector.initial(key.get());
        rows.put(key.get(), Objects.requireNonNull(projector.project(row, event), "project returned null"));
      } catch (RuntimeException e) {
        throw report.threw("projecting " + what, e);
      }
    }
    return rows;
  }
}
