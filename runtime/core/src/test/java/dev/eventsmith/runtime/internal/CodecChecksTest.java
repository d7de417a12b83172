package dev.eventsmith.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.runtime.codec.CodecException;
import dev.eventsmith.runtime.codec.JsonValue;
import dev.eventsmith.runtime.codec.Upcaster;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CodecChecksTest {

  private static final Map<String, Integer> VERSIONS = new TreeMap<>(Map.of("ItemAdded", 3, "CartCreated", 1));

  @Test
  void onlyVersionsFromOneToTheCurrentCanBeRead() {
    CodecChecks.checkVersion("ItemAdded", 1, 3);
    CodecChecks.checkVersion("ItemAdded", 3, 3);
    CodecException newer = assertThrows(CodecException.class, () -> CodecChecks.checkVersion("ItemAdded", 4, 3));
    assertEquals("ItemAdded was stored at schema version 4, but this code knows versions 1 to 3: deploy code built"
        + " from the newer model", newer.getMessage());
    assertThrows(CodecException.class, () -> CodecChecks.checkVersion("ItemAdded", 0, 3));
  }

  @Test
  void refusalsOfStoredDataNameTheTypeAndModel() {
    IllegalArgumentException refusal = new IllegalArgumentException("AddItem.quantity must be at least 1, was 0");
    CodecException unfit = CodecChecks.doesNotFit("ItemAdded", refusal);
    assertEquals("stored ItemAdded does not fit the model: AddItem.quantity must be at least 1, was 0", unfit.getMessage());
    assertSame(refusal, unfit.getCause());
    assertEquals("unknown event type 'Nope' for model Cart; known types: [CartCreated, ItemAdded]",
        CodecChecks.unknownType("Cart", "Nope", VERSIONS.keySet()).getMessage());
    assertEquals("not an event of model Cart: java.lang.String", CodecChecks.notAnEvent("Cart", "x").getMessage());
  }

  @Test
  void javaStepsAreCheckedAgainstTheModelsTypesAndVersions() {
    Upcaster step = Upcaster.of("ItemAdded", 2, p -> p.with("b", JsonValue.ofNumber(1)));
    Map<String, Upcaster> steps = CodecChecks.withUpcasters("Cart", Map.of(), VERSIONS, step);
    assertEquals(Set.of("ItemAdded@2"), steps.keySet());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> CodecChecks.withUpcasters("Cart", Map.of(), VERSIONS, Upcaster.of("Nope", 1, p -> p)));
    assertEquals("no event of model Cart is stored as 'Nope'; known types: [CartCreated, ItemAdded]", unknown.getMessage());
    IllegalArgumentException current = assertThrows(IllegalArgumentException.class,
        () -> CodecChecks.withUpcasters("Cart", Map.of(), VERSIONS, Upcaster.of("ItemAdded", 3, p -> p)));
    assertTrue(current.getMessage().endsWith("is at schema version 3, so a step reads a version from 1 to 2"),
        current.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> CodecChecks.withUpcasters("Cart", steps, VERSIONS, Upcaster.of("ItemAdded", 2, p -> p)));
    assertTrue(twice.getMessage().startsWith("a second upcaster for the step of "), twice.getMessage());
  }

  @Test
  void aJavaStepRunsOnlyForItsTypeAndVersionAndMustAnswer() {
    JsonValue payload = JsonValue.ofObject(Map.of("a", JsonValue.ofNumber(1)));
    Map<String, Upcaster> steps = CodecChecks.withUpcasters("Cart", Map.of(), VERSIONS,
        Upcaster.of("ItemAdded", 1, p -> p.with("b", JsonValue.ofNumber(2))), Upcaster.of("ItemAdded", 2, p -> null));
    assertEquals(Optional.of(payload.with("b", JsonValue.ofNumber(2))), CodecChecks.customStep(steps, "ItemAdded", 1, payload));
    assertEquals(Optional.empty(), CodecChecks.customStep(steps, "CartCreated", 1, payload));
    CodecException silent = assertThrows(CodecException.class, () -> CodecChecks.customStep(steps, "ItemAdded", 2, payload));
    assertTrue(silent.getMessage().endsWith("returned null instead of the upcast payload"), silent.getMessage());
  }
}
