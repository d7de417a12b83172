package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.eventsmith.generator.TestModels.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import dev.eventsmith.runtime.model.DecisionDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Commands decided across streams, from the school model to a running decision: the processor
 * generates the tags and the typed decision contract, the hand-written logic implements it, the
 * generated spec tests pass through the test kit's DecisionSpec, and the runtime's
 * DecisionHandler keeps the rule under a race of sixteen threads. The aggregate command of the
 * same model keeps its decider, which folds the events decisions appended to its stream.
 */
class DecisionsTest {

  @TempDir
  Path temp;

  private static Compilation compile(Path modelDir) {
    return Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + modelDir.toAbsolutePath(), "--release", "17")
        .compile(sources());
  }

  private static JavaFileObject[] sources() {
    return sources(List.of("package-info", "Course", "DefineCourseLogic", "SubscribeStudentLogic", "SchoolSpecs",
        "SchoolRace"));
  }

  private static JavaFileObject[] sources(List<String> classes) {
    return classes.stream()
        .map(name -> JavaFileObjects.forSourceString("com.example.school." + name,
            TestModels.read(TestModels.SOURCES.resolve("school").resolve(name + ".java"))))
        .toArray(JavaFileObject[]::new);
  }

  @Test
  void theGeneratedSpecTestsOfBothKindsOfCommandPass() throws Exception {
    Compilation compilation = compile(TestModels.MODELS);
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("com.example.school.SubscribeStudentDecision");
    assertThat(compilation).generatedSourceFile("com.example.school.SchoolTags");
    ClassLoader loader = new CompiledClassLoader(compilation);
    int run = 0;
    for (String test : List.of("DefineCourseSpecTest", "DescribeCourseSpecTest", "SubscribeStudentSpecTest")) {
      Class<?> type = loader.loadClass("com.example.school." + test);
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Test.class)) {
          CompiledClassLoader.invoke(type, method);
          run++;
        }
      }
    }
    assertEquals(10, run, "one test per spec of school.yaml");
  }

  @Test
  void theModelDescriptorListsTheDecidedCommandsWithTheirQueries() throws Exception {
    Compilation compilation = compile(TestModels.MODELS);
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    ModelDescriptor model = (ModelDescriptor) loader.loadClass("com.example.school.SchoolModel")
        .getField("INSTANCE").get(null);
    assertEquals(List.of(
        new DecisionDescriptor("DefineCourse", "Course", loader.loadClass("com.example.school.DefineCourseDecision"),
            loader.loadClass("com.example.school.DefineCourse"),
            List.of(new DecisionDescriptor.Item(List.of("CourseDefined"), List.of("course")))),
        new DecisionDescriptor("SubscribeStudent", "Course",
            loader.loadClass("com.example.school.SubscribeStudentDecision"),
            loader.loadClass("com.example.school.SubscribeStudent"),
            List.of(new DecisionDescriptor.Item(List.of("CourseDefined", "StudentSubscribed"), List.of("course")),
                new DecisionDescriptor.Item(List.of("StudentSubscribed"), List.of("student"))))),
        model.decisions(), "the decided commands in the model's order, DescribeCourse (its aggregate's) not among them");
    assertEquals(1, model.aggregates().size(), "the aggregate still routes DescribeCourse");
  }

  @Test
  void theDecisionHandlerKeepsTheRulesUnderARace() throws Exception {
    Compilation compilation = compile(TestModels.MODELS);
    assertThat(compilation).succeeded();
    Class<?> race = new CompiledClassLoader(compilation).loadClass("com.example.school.SchoolRace");
    assertArrayEquals(new int[] {10, 10}, (int[]) race.getMethod("sixteenStudentsForTenSeats").invoke(null),
        "a course of ten seats: [accepted, stored]");
    assertArrayEquals(new int[] {3, 3}, (int[]) race.getMethod("oneStudentForSixteenCourses").invoke(null),
        "a student of at most three courses: [accepted, stored]");
  }

  @Test
  void anAggregateWhoseCommandsAreAllDecidedAcrossStreamsNeedsNoDecider() throws Exception {
    // Without DescribeCourse, no command is decided by Course: its generated tests run decisions only.
    String yaml = TestModels.read(TestModels.MODELS.resolve(TestModels.SCHOOL));
    yaml = without(yaml, "  DescribeCourse:\n    aggregate", "  SubscribeStudent:\n    aggregate");
    yaml = without(yaml, "  DescribeCourse:\n    - name", "  SubscribeStudent:\n    - name");
    yaml = yaml.replace("  CourseDescribed:\n    fields: { course: CourseId, text: string }\n", "");
    Path file = temp.resolve(TestModels.SCHOOL);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Compilation compilation = Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + temp.toAbsolutePath(), "--release", "17")
        .compile(sources(List.of("package-info", "DefineCourseLogic", "SubscribeStudentLogic", "SchoolSpecs")));
    assertThat(compilation).succeeded();
    Class<?> test = new CompiledClassLoader(compilation).loadClass("com.example.school.SubscribeStudentSpecTest");
    int run = 0;
    for (Method method : test.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Test.class)) {
        CompiledClassLoader.invoke(test, method);
        run++;
      }
    }
    assertEquals(6, run, "one test per spec of SubscribeStudent");
  }

  /** {@code text} without the part from {@code from} up to {@code upTo}. */
  private static String without(String text, String from, String upTo) {
    return text.substring(0, text.indexOf(from)) + text.substring(text.indexOf(upTo));
  }

  @Test
  void aSpecWhoseQueryWouldMissTheEventsFailsWithItsName() throws Exception {
    // Without the student item, the decision never sees the student's other courses.
    String yaml = TestModels.read(TestModels.MODELS.resolve(TestModels.SCHOOL))
        .replace("      - { types: [StudentSubscribed], tags: [student] }\n", "");
    Path file = temp.resolve(TestModels.SCHOOL);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Compilation compilation = compile(temp);
    assertThat(compilation).succeeded();
    Class<?> test = new CompiledClassLoader(compilation).loadClass("com.example.school.SubscribeStudentSpecTest");
    Method method = test.getDeclaredMethod("aStudentTakesAtMostThreeCourses");
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> CompiledClassLoader.invoke(test, method));
    AssertionFailedError failure = assertInstanceOf(AssertionFailedError.class, thrown.getCause());
    assertContains(failure.getMessage(), "a student takes at most three courses");
    assertContains(failure.getMessage(), "school/school.yaml:" + TestModels.lineOf(yaml, "at most three courses"));
    assertContains(failure.getMessage(), "TooManyCourses");
  }
}
