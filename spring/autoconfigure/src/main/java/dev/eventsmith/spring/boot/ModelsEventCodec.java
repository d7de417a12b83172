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
 * several models. A stored type belongs to one model: two models that store events under one type
 * name cannot share a store (the store could not tell whose event it holds), and are refused.
 */
final class ModelsEventCodec implements EventCodec {

  private final List<EventCodec> codecs;
  private final Map<String, EventCodec> byType = new LinkedHashMap<>();

  ModelsEventCodec(List<ModelDescriptor> models) {
    this.codecs = models.stream().map(ModelDescriptor::events).toList();
    Map<String, String> modelOf = new LinkedHashMap<>();
    for (ModelDescriptor model : models) {
      for (String type : model.events().types()) {
        String other = modelOf.putIfAbsent(type, model.name());
        if (other != null) {
          throw new IllegalStateException("the models " + other + " and " + model.name() + " both store events of type "
              + type + ", so one event store cannot tell whose they are: give one of them another storedName");
        }
        byType.put(type, model.events());
      }
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

  /** Immutable events only if every model's codec says so. */
  @Override
  public boolean immutableEvents() {
    return codecs.stream().allMatch(EventCodec::immutableEvents);
  }
}
