package dev.eventsmith.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.generator.emit.MethodNames;
import dev.eventsmith.spec.model.EventModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A spec whose given events do not fit one Java method (javac said "code too large" once more than
 * a few thousand were given) is split over helper methods, compiles, and runs with every event
 * given in order.
 */
class LongSpecsTest {

  private static final String DECIDER = """
      package com.example.counting;

      import dev.eventsmith.runtime.Decision;
      import dev.eventsmith.runtime.NoRejection;

      /** Counts events, and refuses to count one out of order. */
      public final class Counter implements CounterDecider<Integer> {
        @Override
        public Integer initialState() {
          return 0;
        }

        @Override
        public Decision<Count.Emits, NoRejection> decide(Count command, Integer state) {
          return Decision.accept(new Counted(command.counterId(), state + 1));
        }

        @Override
        public Integer evolve(Integer state, Counted event) {
          if (event.n() != state + 1) {
            throw new IllegalStateException("event " + event.n() + " given after " + state);
          }
          return event.n();
        }
      }
      """;

  /** A counter model whose one spec gives {@code count} events and expects the next one. */
  private static String model(int count, int expected) {
    StringBuilder given = new StringBuilder();
    for (int n = 1; n <= count; n++) {
      given.append(n == 1 ? "" : ", ").append("{ Counted: { counterId: $c, n: ").append(n).append(" } }");
    }
    return "eventmodel: 1\n"
        + "name: Counting\n"
        + "package: com.example.counting\n"
        + "aggregates: { Counter: { id: counterId } }\n"
        + "events:\n"
        + "  Counted: { fields: { counterId: uuid, n: int } }\n"
        + "commands:\n"
        + "  Count: { aggregate: Counter, fields: { counterId: uuid }, emits: [Counted] }\n"
        + "specs:\n"
        + "  Count:\n"
        + "    - name: counts on from every given event\n"
        + "      given: [ " + given + " ]\n"
        + "      when: { Count: { counterId: $c } }\n"
        + "      then: [ { Counted: { counterId: $c, n: " + expected + " } } ]\n";
  }

  private static Method compiledSpec(String yaml) throws Exception {
    EventModel model = TestModels.load("counting.yaml", yaml);
    Generator generator = new Generator(model, "counting.yaml");
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    files.addAll(generator.testSources(new Implementations(
        Map.of("Counter", ClassName.get("com.example.counting", "Counter")), Map.of(), Map.of())));
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("com.example.counting.Counter", DECIDER));
    List<GeneratedSource> generated = GeneratedSource.render(files);
    generated.forEach(s -> sources.add(JavaFileObjects.forSourceString(s.qualifiedName(), s.text())));
    String test = generated.stream().filter(s -> s.qualifiedName().endsWith("CountSpecTest")).findFirst()
        .orElseThrow().text();
    assertTrue(test.contains("countsOnFromEveryGivenEvent_given1(given, symbols);"), "the given events are split");
    Compilation compilation = Compiler.javac().withOptions("--release", "17", "-proc:none").compile(sources);
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> compilation.errors().toString());
    Class<?> type = new CompiledClassLoader(compilation).loadClass("com.example.counting.CountSpecTest");
    String name = MethodNames.of(List.of("counts on from every given event")).get(0);
    return type.getDeclaredMethod(name);
  }

  @Test
  void tenThousandGivenEventsCompileAndAreGivenInOrder() throws Exception {
    Method spec = compiledSpec(model(10_000, 10_001));
    CompiledClassLoader.invoke(spec.getDeclaringClass(), spec);
  }

  @Test
  void aSplitSpecStillFailsWhenItsExpectationIsWrong() throws Exception {
    Method spec = compiledSpec(model(10_000, 10_002));
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> CompiledClassLoader.invoke(spec.getDeclaringClass(), spec));
    AssertionFailedError failure = assertInstanceOf(AssertionFailedError.class, thrown.getCause());
    assertTrue(failure.getMessage().contains("10001") && failure.getMessage().contains("10002"), failure.getMessage());
  }
}
