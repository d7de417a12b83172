package dev.eventsmith.maven.strength;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SpecStrength} measures.
 *
 * @param baseDir the project folder, that file names are relative to
 * @param logicClasses the hand-written deciders, projectors and automations to mutate, by binary name
 * @param specTests the generated spec test classes that must notice each mutation
 * @param sourceDirs where the sources of {@code logicClasses} are, to quote the mutated line
 * @param testClasspath the project's test class path: test classes, classes and dependencies
 * @param pitClasspath PIT and its JUnit 5 plugin, run in a JVM of their own
 * @param java the {@code java} executable for that JVM
 * @param workDir where PIT writes its report and log
 */
public record StrengthRequest(
    Path baseDir,
    List<String> logicClasses,
    List<String> specTests,
    List<Path> sourceDirs,
    List<Path> testClasspath,
    List<Path> pitClasspath,
    Path java,
    Path workDir) {

  public StrengthRequest {
    logicClasses = List.copyOf(logicClasses);
    specTests = List.copyOf(specTests);
    sourceDirs = List.copyOf(sourceDirs);
    testClasspath = List.copyOf(testClasspath);
    pitClasspath = List.copyOf(pitClasspath);
  }
}
