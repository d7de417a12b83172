package dev.eventsmith.runtime.codec;

import dev.eventsmith.runtime.store.EventStoreException;
import dev.eventsmith.runtime.store.RecordedEvent;

/**
 * A runner (a projection, an automation) met an event whose type its codec does not know, and
 * stopped rather than skip it: the event may have been written by a newer deploy, or under a stored
 * name that changed, and skipping it would lose it from the view for good. Types of other models
 * that share the store are skipped only when named.
 */
public final class UnknownEventTypeException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final String type;

  /**
   * @param reader what stopped, for the message: "the projection of CartSummaryProjection", say
   * @param skipOption how to name the types to skip: "ProjectionRunner.skippingTypes(...)", say
   */
  public UnknownEventTypeException(RecordedEvent recorded, String reader, String skipOption) {
    super(reader + " stopped at the event of unknown type '" + recorded.type() + "' at " + recorded.location()
        + ": its codec does not know the type, so it cannot tell whether the event matters. Deploy code whose model "
        + "has this type (the event may be from a newer version, or its stored name changed); if the store also "
        + "holds another model's events, name that model's types with " + skipOption + " to skip them");
    this.type = recorded.type();
  }

  /** The stored type name nobody knew. */
  public String type() {
    return type;
  }
}
