package dev.eventsmith.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of Maven in a folder, as a person would type it, against a private local repository
 * that reads through to the user's own: what this build installed there is found first, nothing
 * is ever installed into the user's repository.
 */
record MavenRun(Path folder, List<String> command, int exitCode, String output) {

  /** Runs {@code command} (the Maven launcher first) in {@code folder}; its output also goes to {@code log}. */
  static MavenRun of(Path folder, Path log, List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.addAll(1, List.of("-B", "-ntp", "-Dstyle.color=never",
        "-Dmaven.repo.local=" + property("eventsmith.itRepo"),
        "-Dmaven.repo.local.tail=" + property("eventsmith.repoTail")));
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 10 minutes: " + full + "\nlog: " + log);
    }
    return new MavenRun(folder, full, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run this test with Maven (failsafe)");
    }
    return value;
  }

  /** The end of the output, enough to see why a build failed. */
  String tail() {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  void assertSucceeded() {
    if (exitCode != 0) {
      throw new AssertionError("failed (exit " + exitCode + ") in " + folder + ": " + command + "\n" + tail());
    }
  }
}
