package dev.eventsmith.runtime.model;

import dev.eventsmith.runtime.codec.CommandCodec;
import dev.eventsmith.runtime.codec.EventCodec;
import java.util.List;

/**
 * What one model's generated code offers to code that runs any model without knowing it: its
 * codecs, its aggregates, decisions across streams, views and automations with the contracts
 * their hand-written logic implements, and the OpenAPI document of its HTTP API. A framework
 * integration (the Spring Boot starter) and the HTTP module work from it. Generated per model as
 * {@code <Model>Model}, with an {@code INSTANCE}.
 */
public interface ModelDescriptor {

  /** The model's name, as its YAML says. */
  String name();

  /** The codec of the model's events. */
  EventCodec events();

  /** The codec of the model's commands and rejections. */
  CommandCodec commands();

  /** The model's aggregates, in the model's order. */
  List<AggregateDescriptor> aggregates();

  /**
   * The model's commands decided across streams, in the model's order. They are also commands of
   * their aggregate (its command type), but its decider does not decide them: route each to a
   * {@code DecisionHandler} over the bean implementing its {@link DecisionDescriptor#decision()}.
   * None by default, for descriptors generated before decisions were described.
   */
  default List<DecisionDescriptor> decisions() {
    return List.of();
  }

  /** The model's views, in the model's order. */
  List<ViewDescriptor<?, ?>> views();

  /** The model's automations, in the model's order. */
  List<AutomationDescriptor> automations();

  /**
   * The model's HTTP API as an OpenAPI 3.1 document in JSON: each command a POST, each view a GET
   * by key, rejections and invalid input as RFC 9457 problem details. Its paths are relative to
   * the server's base path.
   */
  String openApi();
}
