package dev.eventsmith.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class file reader, on this module's own compiled classes: records, enums, nested and sealed types. */
class CompiledClassesTest {

  private final CompiledClasses classes = CompiledClasses.scan(Path.of("target/classes"));

  @Test
  void readsKindsNamesAndConstructors() {
    ClassFile status = classes.get("dev.eventsmith.insight.SpecStatus").orElseThrow();
    assertTrue(status.concrete() && !status.nested());
    assertEquals("java.lang.Record", status.superName());
    assertFalse(status.noArgConstructor(), "a record with components has none");

    ClassFile outcome = classes.get("dev.eventsmith.insight.SpecStatus$Outcome").orElseThrow();
    assertTrue(outcome.nested());
    assertFalse(outcome.concrete(), "an enum cannot be created with new");

    ClassFile code = classes.get("dev.eventsmith.insight.HandWrittenCode").orElseThrow();
    assertFalse(code.noArgConstructor(), "its constructor is private");
  }

  @Test
  void findsTopLevelImplementationsThroughSuperTypes() {
    assertEquals(List.of("dev.eventsmith.insight.ModelStatus", "dev.eventsmith.insight.SliceStatus",
            "dev.eventsmith.insight.SpecStatus"),
        classes.implementationsOf("java.lang.Record", "dev.eventsmith.insight").stream().map(ClassFile::name)
            .filter(n -> n.endsWith("Status")).toList());
    assertTrue(classes.implementationsOf("java.lang.Record", "dev.eventsmith.insight").stream()
        .noneMatch(ClassFile::nested), "nested records are not candidates");
  }
}
