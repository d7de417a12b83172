package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFingerprintTest {

  @TempDir
  Path temp;

  @Test
  void aChangedModelFileMakesTheCompilerForgetItsInputs() throws IOException {
    Path model = Files.createDirectories(temp.resolve("src/main/eventmodel"));
    Files.writeString(model.resolve("cart.yaml"), "eventmodel: 1\n");
    Path build = temp.resolve("target");
    Path inputs = build.resolve("maven-status/maven-compiler-plugin/compile/default-compile/inputFiles.lst");
    Files.createDirectories(inputs.getParent());
    Files.writeString(inputs, "Cart.java\n");
    ModelFingerprint fingerprint = new ModelFingerprint(model, build.resolve("eventsmith/model.sha256"), "eventsmith 1.0");

    assertTrue(fingerprint.changedSince(), "no fingerprint yet");
    fingerprint.remember();
    assertFalse(fingerprint.changedSince());

    Files.writeString(model.resolve("cart.yaml"), "eventmodel: 1\nname: Cart\n");
    assertTrue(fingerprint.changedSince());
    assertEquals(1, new CompilerState(build).forgetInputs());
    assertFalse(Files.exists(inputs));
  }

  @Test
  void aNewFileInTheModelFolderChangesTheFingerprint() throws IOException {
    Path model = Files.createDirectories(temp.resolve("model"));
    Files.writeString(model.resolve("a.yaml"), "eventmodel: 1\n");
    ModelFingerprint fingerprint = new ModelFingerprint(model, temp.resolve("stamp"), "eventsmith 1.0");
    String before = fingerprint.current();
    assertFalse(before.equals(new ModelFingerprint(model, temp.resolve("stamp"), "eventsmith 1.1").current()),
        "another Eventsmith version generates other code");
    Files.writeString(model.resolve("notes.txt"), "not part of the model");
    assertEquals(before, fingerprint.current(), "only YAML files count");
    Files.writeString(model.resolve("b.yml"), "eventmodel: 1\n");
    assertFalse(before.equals(fingerprint.current()));
  }
}
