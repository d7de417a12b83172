package dev.eventsmith.spec.codegen;

import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.SpecValue;

/**
 * How big a spec message is in generated code, in values: the message itself, one per field of
 * its type (a field left out still becomes {@code Optional.empty()}), and one per value written,
 * a list counting one plus its elements. No value costs more than 24 bytes of bytecode, which is
 * what {@link JavaLimits#MAX_MESSAGE_VALUES} and the generator's split of long lists rely on.
 */
public final class SpecSize {

  private SpecSize() {}

  /** The values of {@code message}, whose type has {@code fields} fields. */
  public static int values(Message message, int fields) {
    int values = 1 + fields;
    for (SpecValue value : message.values().values()) {
      values += values(value);
    }
    return values;
  }

  private static int values(SpecValue value) {
    if (value instanceof SpecValue.ListValue list) {
      int values = 1;
      for (SpecValue element : list.elements()) {
        values += values(element);
      }
      return values;
    }
    if (value instanceof SpecValue.MapValue map) {
      int values = 1;
      for (SpecValue entry : map.entries().values()) {
        values += values(entry);
      }
      return values;
    }
    return 1;
  }
}
