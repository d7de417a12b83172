package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFingerprintTest {

  @TempDir
  Path temp;

  @Test
  void aChangedModelRewritesTheFingerprintSourceAndOnlyThen() throws IOException {
    Path model = Files.createDirectories(temp.resolve("src/main/eventmodel"));
    Files.writeString(model.resolve("cart.yaml"), "eventmodel: 1\n");
    EventModel cart = new EventModel("Cart", "com.example.cart", List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), SourcePosition.unknown());
    OutputDirectory out = new OutputDirectory(temp.resolve("target/generated-sources/eventsmith-fingerprint"));
    Path source = temp.resolve("target/generated-sources/eventsmith-fingerprint/com/example/cart/"
        + "Eventsmith_CartFingerprint.java");

    assertEquals(1, FingerprintSource.write(out, List.of(cart), fingerprint(model)).written());
    String first = Files.readString(source);
    assertTrue(first.contains(fingerprint(model)), first);
    assertFalse(FingerprintSource.write(out, List.of(cart), fingerprint(model)).any(), "same model, same file");

    Files.writeString(model.resolve("cart.yaml"), "eventmodel: 1\nname: Cart\n");
    assertEquals(1, FingerprintSource.write(out, List.of(cart), fingerprint(model)).written());
    assertFalse(first.equals(Files.readString(source)));
  }

  private static String fingerprint(Path model) {
    return new ModelFingerprint(model, "eventsmith 1.0").current();
  }

  @Test
  void aNewFileInTheModelFolderChangesTheFingerprint() throws IOException {
    Path model = Files.createDirectories(temp.resolve("model"));
    Files.writeString(model.resolve("a.yaml"), "eventmodel: 1\n");
    ModelFingerprint fingerprint = new ModelFingerprint(model, "eventsmith 1.0");
    String before = fingerprint.current();
    assertFalse(before.equals(new ModelFingerprint(model, "eventsmith 1.1").current()),
        "another Eventsmith version generates other code");
    Files.writeString(model.resolve("notes.txt"), "not part of the model");
    assertEquals(before, fingerprint.current(), "only YAML files count");
    Files.writeString(model.resolve("b.yml"), "eventmodel: 1\n");
    assertFalse(before.equals(fingerprint.current()));
  }
}
