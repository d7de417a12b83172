package dev.eventsmith.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import dev.eventsmith.spec.codegen.ReservedNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The types generated code refers to and the names the validator reserves for them are one list. */
class TypeNamesTest {

  @Test
  void everyTypeNameIsReservedByTheValidatorAndNothingElse() throws IllegalAccessException {
    Set<String> simpleNames = new TreeSet<>();
    for (Field field : TypeNames.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
        simpleNames.add(((ClassName) field.get(null)).simpleName());
      }
    }
    assertEquals(new TreeSet<>(ReservedNames.imported()), simpleNames,
        "spec's ReservedNames.imported() must list the simple names of TypeNames");
  }
}
