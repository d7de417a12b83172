package dev.eventsmith.spring.boot;

import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.EncodedEvent;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.model.ModelDescriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of every model of a service, for a hand-written process, which may follow events of
 * several models: a stored type is decoded by the first model (in the models' order) that knows it.
 */
final class ModelsEventCodec implements EventCodec {

  private final List<EventCodec> codecs;
  private final Map<String, EventCodec> byType = new LinkedHashMap<>();

  ModelsEventCodec(List<ModelDescriptor> models) {
    this.codecs = models.stream().map(ModelDescriptor::events).toList();
    for (EventCodec codec : codecs) {
      codec.types().forEach(type -> byType.putIfAbsent(type, codec));
    }
  }

  /** Encoded by the first model whose codec takes it. */
  @Override
  public EncodedEvent encode(Event event) {
    RuntimeException refused = null;
    for (EventCodec codec : codecs) {
      try {
        return codec.encode(event);
      } catch (RuntimeException notItsEvent) {
        refused = notItsEvent;
      }
    }
    throw new IllegalArgumentException("no model of this service has the event " + event.getClass().getName(), refused);
  }

  @Override
  public Event decode(String type, int schemaVersion, byte[] data) {
    EventCodec codec = byType.get(type);
    if (codec == null) {
      throw new CodecException("no model of this service has the event type " + type);
    }
    return codec.decode(type, schemaVersion, data);
  }

  @Override
  public Set<String> types() {
    return Collections.unmodifiableSet(byType.keySet());
  }
}
