package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecTriggerTest {

  @TempDir
  Path tests;

  @Test
  void findsTheAnnotatedClassAnywhereInTheTestSources() throws IOException {
    Path pkg = Files.createDirectories(tests.resolve("com/example/cart"));
    Files.writeString(pkg.resolve("OtherTest.java"), "class OtherTest {}");
    assertFalse(new SpecTrigger(tests).present());
    Files.writeString(pkg.resolve("CartSpecs.java"), "@EventModelSpecs(\"cart.yaml\") final class CartSpecs {}");
    assertTrue(new SpecTrigger(tests).present());
  }

  @Test
  void noTestSourcesMeansNoTrigger() {
    assertFalse(new SpecTrigger(tests.resolve("missing")).present());
  }
}
