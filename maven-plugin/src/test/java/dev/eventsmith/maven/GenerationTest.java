package dev.eventsmith.maven;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationTest {

  @TempDir
  Path project;

  private Path model;
  private Path out;

  @BeforeEach
  void write() throws IOException {
    model = Files.createDirectories(project.resolve("src/main/eventmodel")).resolve("things.yaml");
    Files.writeString(model, String.join("\n",
        "eventmodel: 1",
        "name: Things",
        "package: com.acme.things",
        "aggregates:",
        "  Thing: { id: thingId }",
        "events:",
        "  ThingMade: { fields: { thingId: uuid } }",
        "commands:",
        "  MakeThing: { aggregate: Thing, fields: { thingId: uuid }, emits: [ThingMade] }",
        "specs:",
        "  MakeThing:",
        "    - name: makes a thing",
        "      when: { MakeThing: { thingId: $t } }",
        "      then: [ { ThingMade: { thingId: $t } } ]",
        ""));
    out = project.resolve("target/generated-sources/eventsmith");
  }

  private Generation.Result main() throws IOException {
    return Generation.run(new GenerateRequest(model, project, out, Optional.empty()));
  }

  @Test
  void anUnchangedModelRewritesNothingAndAStaleFileGoes() throws IOException {
    Generation.Result first = main();
    assertTrue(first.changes().written() > 0);
    Path decider = out.resolve("com/acme/things/ThingDecider.java");
    assertTrue(Files.readString(decider).contains("src/main/eventmodel/things.yaml"), "labelled as the processor does");
    Path stray = out.resolve("com/acme/things/Removed.java");
    Files.writeString(stray, "class Removed {}");

    Generation.Result second = main();
    assertEquals(0, second.changes().written());
    assertEquals(first.changes().written(), second.changes().unchanged());
    assertEquals(1, second.changes().deleted());
    assertFalse(Files.exists(stray));
  }

  @Test
  void aModelWithAnErrorWritesNothing() throws IOException {
    Files.writeString(model, Files.readString(model).replace("emits: [ThingMade]", "emits: [ThingMad]"));
    Generation.Result result = main();
    assertTrue(result.failed());
    assertEquals(DiagnosticCode.UNKNOWN_EMITTED_EVENT, result.diagnostics().get(0).code());
    assertFalse(Files.exists(out));
  }

  @Test
  void specTestsNeedTheHandWrittenDeciderCompiled() throws IOException {
    main();
    Path classes = compile(List.of(), project.resolve("classes-without"));
    Generation.Result missing = Generation.run(new GenerateRequest(model, project, project.resolve("tests"),
        Optional.of(classes)));
    assertTrue(missing.failed());
    Diagnostic error = missing.diagnostics().get(0);
    assertEquals(DiagnosticCode.NO_IMPLEMENTATION, error.code());
    assertEquals("src/main/eventmodel/things.yaml", error.position().file());
    assertEquals(5, error.position().line());

    Path twice = compile(List.of(decider("Thing", ""), decider("OtherThing", "")), project.resolve("classes-twice"));
    assertEquals(DiagnosticCode.SEVERAL_IMPLEMENTATIONS, Generation.run(new GenerateRequest(model, project,
        project.resolve("tests"), Optional.of(twice))).diagnostics().get(0).code());

    Path noDefault = compile(List.of(decider("Thing", "  Thing(int x) {}\n")), project.resolve("classes-ctor"));
    assertEquals(DiagnosticCode.IMPLEMENTATION_NOT_INSTANTIABLE, Generation.run(new GenerateRequest(model, project,
        project.resolve("tests"), Optional.of(noDefault))).diagnostics().get(0).code());

    Path good = compile(List.of(decider("Thing", "")), project.resolve("classes"));
    Generation.Result tests = Generation.run(new GenerateRequest(model, project, project.resolve("tests"),
        Optional.of(good)));
    assertFalse(tests.failed(), tests.diagnostics()::toString);
    assertTrue(Files.readString(project.resolve("tests/com/acme/things/MakeThingSpecTest.java"))
        .contains("new Thing()"));
  }

  private static JavaFileObject decider(String name, String body) {
    return JavaFileObjects.forSourceString("com.acme.things." + name, String.join("\n",
        "package com.acme.things;",
        "import dev.eventsmith.runtime.Decision;",
        "public final class " + name + " implements ThingDecider<Boolean> {",
        body,
        "  public Boolean initialState() { return false; }",
        "  public Decision<MakeThing.Emits, dev.eventsmith.runtime.NoRejection> decide(MakeThing c, Boolean s) {",
        "    return Decision.accept(new ThingMade(c.thingId()));",
        "  }",
        "  public Boolean evolve(Boolean s, ThingMade e) { return true; }",
        "}"));
  }

  private Path compile(List<JavaFileObject> handWritten, Path classes) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>(handWritten);
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = out.relativize(file).toString().replace(".java", "").replace('/', '.');
        sources.add(JavaFileObjects.forSourceString(name, Files.readString(file)));
      }
    }
    Compilation compilation = Compiler.javac().withOptions("--release", "17").compile(sources);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = classes.resolve(file.getName().replaceFirst("^/CLASS_OUTPUT/", ""));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
    return classes;
  }
}
