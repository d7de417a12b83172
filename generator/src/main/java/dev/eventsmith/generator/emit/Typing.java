package dev.eventsmith.generator.emit;

import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.typing.TypedValue;
import dev.eventsmith.spec.typing.ValueTyper;
import java.util.List;

/** Spec messages typed against their fields, in field order, for a validated model. */
final class Typing {

  private Typing() {}

  static List<TypedValue> arguments(Message message, List<Field> fields, EventModel model) {
    var result = ValueTyper.typeMessage(message, fields, model);
    if (!result.problems().isEmpty()) {
      throw new IllegalStateException("spec value at " + message.position() + " was not validated: " + result.problems());
    }
    return result.values();
  }
}
