package dev.eventsmith.mcp.store;

import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds a generated command record from JSON fields, as the model types them: text for strings,
 * UUIDs, instants, dates, decimals and enum constants; numbers and booleans as such; a value type
 * from its one value; lists and optional values (null or left out). The record's constructor checks
 * the constraints, so a value out of range is refused with the model's own message.
 */
final class CommandValues {

  private CommandValues() {}

  static Object build(Class<?> type, Map<String, Object> fields) throws ToolError {
    if (!type.isRecord()) {
      throw bad(type.getSimpleName() + " is not a generated command record");
    }
    RecordComponent[] components = type.getRecordComponents();
    for (String name : fields.keySet()) {
      if (java.util.Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
        throw bad(type.getSimpleName() + " has no field '" + name + "'");
      }
    }
    Object[] values = new Object[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      values[i] = value(component.getGenericType(), fields.get(component.getName()),
          type.getSimpleName() + "." + component.getName());
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw bad("the values do not fit " + type.getSimpleName() + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw bad("cannot create " + type.getSimpleName() + ": " + e);
    }
  }

  private static Object value(Type type, Object json, String where) throws ToolError {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type element = parameterized.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        return json == null ? Optional.empty() : Optional.of(value(element, json, where));
      }
      if (raw == List.class) {
        if (!(json instanceof List<?> list)) {
          throw bad(where + " must be a JSON array");
        }
        List<Object> values = new ArrayList<>();
        for (Object item : list) {
          values.add(value(element, item, where + "[]"));
        }
        return List.copyOf(values);
      }
    }
    Class<?> cls = (Class<?>) type;
    if (json == null) {
      throw bad(where + " is required");
    }
    try {
      if (cls == String.class) {
        return text(json, where);
      }
      if (cls == int.class || cls == Integer.class) {
        return Math.toIntExact(number(json, where).longValueExact());
      }
      if (cls == long.class || cls == Long.class) {
        return number(json, where).longValueExact();
      }
      if (cls == boolean.class || cls == Boolean.class) {
        if (json instanceof Boolean b) {
          return b;
        }
        throw bad(where + " must be true or false");
      }
      if (cls == BigDecimal.class) {
        return number(json, where);
      }
      if (cls == UUID.class) {
        return UUID.fromString(text(json, where));
      }
      if (cls == Instant.class) {
        return Instant.parse(text(json, where));
      }
      if (cls == LocalDate.class) {
        return LocalDate.parse(text(json, where));
      }
      if (cls.isEnum()) {
        for (Object constant : cls.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(text(json, where))) {
            return constant;
          }
        }
        throw bad(where + " must be one of " + java.util.Arrays.toString(cls.getEnumConstants()));
      }
      if (cls.isRecord() && cls.getRecordComponents().length == 1) {
        RecordComponent inner = cls.getRecordComponents()[0];
        Object wrapped = value(inner.getGenericType(), json, where);
        return cls.getDeclaredConstructor(inner.getType()).newInstance(wrapped);
      }
    } catch (ArithmeticException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw bad(where + " does not fit: " + e.getMessage());
    } catch (InvocationTargetException e) {
      throw bad(where + " does not fit: " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw bad("cannot create " + cls.getSimpleName() + " for " + where + ": " + e);
    }
    throw bad(where + " has the type " + cls.getName() + ", which this tool cannot fill from JSON");
  }

  private static String text(Object json, String where) throws ToolError {
    if (json instanceof String s) {
      return s;
    }
    throw bad(where + " must be a JSON string");
  }

  private static BigDecimal number(Object json, String where) throws ToolError {
    if (json instanceof Number || json instanceof String) {
      try {
        return new BigDecimal(json.toString());
      } catch (NumberFormatException e) {
        throw bad(where + " must be a number, not '" + json + "'");
      }
    }
    throw bad(where + " must be a number");
  }

  private static ToolError bad(String problem) {
    return new ToolError(DiagnosticCode.MCP_BAD_ARGUMENT, problem,
        "Give the command's fields as in the YAML: show_element lists them with their types.");
  }
}
