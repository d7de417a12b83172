package dev.eventsmith.testkit;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes and decodes every event a spec touches, so each spec also tests the generated codec:
 * an event that does not survive storage would behave differently in production than in the spec.
 */
final class CodecRoundTrip {

  private final EventCodec codec;
  private final SpecReport report;
  private final SpecYaml yaml;

  CodecRoundTrip(EventCodec codec, SpecReport report, SpecYaml yaml) {
    this.codec = codec;
    this.report = report;
    this.yaml = yaml;
  }

  /** Checks {@code event} survives encode then decode; {@code what} names it, like "given event #2". */
  void check(Event event, String what) {
    EncodedEvent encoded;
    try {
      encoded = codec.encode(event);
    } catch (RuntimeException e) {
      throw report.threw("encoding " + what + " (" + event.getClass().getSimpleName() + ")", e);
    }
    String json = new String(encoded.data(), StandardCharsets.UTF_8);
    Event decoded;
    try {
      decoded = codec.decode(encoded.type(), encoded.schemaVersion(), encoded.data());
    } catch (RuntimeException e) {
      throw report.threw("decoding " + what + " (" + encoded.type() + " v" + encoded.schemaVersion() + " " + json + ")", e);
    }
    if (!event.equals(decoded)) {
      throw report.mismatch("the codec does not round-trip " + what + ": decoding its JSON gives another event\n  json: "
          + json, "event", yaml.events(List.of(event)), "decoded", yaml.events(List.of(decoded)));
    }
  }
}
