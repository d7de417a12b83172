package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewProjectTest {

  @TempDir
  Path folder;

  private NewProject project() {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("pom.xml", "<project/>".getBytes(StandardCharsets.UTF_8));
    files.put("mvnw", "#!/bin/sh".getBytes(StandardCharsets.UTF_8));
    files.put("src/main/java/a/A.java", "package a;".getBytes(StandardCharsets.UTF_8));
    return new NewProject(folder, files);
  }

  @Test
  void writesEveryFileIntoAnEmptyFolderAndTheWrapperIsExecutable() throws IOException {
    assertEquals(List.of(), project().existing());
    assertEquals(3, project().write());
    assertEquals("package a;", Files.readString(folder.resolve("src/main/java/a/A.java")));
    assertTrue(Files.isExecutable(folder.resolve("mvnw")));
  }

  @Test
  void namesEveryFileItWouldOverwriteFilesFoldersAndLinksAlike() throws IOException {
    Files.writeString(folder.resolve("pom.xml"), "mine");
    Files.createDirectories(folder.resolve("mvnw"));
    Files.createDirectories(folder.resolve("src/main/java/a"));
    Files.createSymbolicLink(folder.resolve("src/main/java/a/A.java"), folder.resolve("nowhere"));
    Files.writeString(folder.resolve("notes.txt"), "other files may stay");
    assertEquals(List.of("mvnw", "pom.xml", "src/main/java/a/A.java"), project().existing());
  }

  @Test
  void neverReplacesAFileThatAppearedAfterTheCheck() throws IOException {
    NewProject project = project();
    assertEquals(List.of(), project.existing());
    Files.writeString(folder.resolve("pom.xml"), "written meanwhile");
    assertThrows(FileAlreadyExistsException.class, project::write);
    assertEquals("written meanwhile", Files.readString(folder.resolve("pom.xml")));
  }

  @Test
  void coordinatesThatMavenOrJavaWouldRefuseAreReportedWithTheirCode() {
    assertEquals(List.of(), new ProjectCoordinates("com.example", "club", "1.0-SNAPSHOT", "com.example.club").problems());
    List<String> problems = new ProjectCoordinates("com example", "my club", "", "com.new.club").problems();
    assertEquals(4, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("error[ESM-0851]: groupId 'com example'"), problems::toString);
    assertTrue(problems.get(1).startsWith("error[ESM-0851]: artifactId 'my club'"), problems::toString);
    assertTrue(problems.get(2).startsWith("error[ESM-0851]: version ''"), problems::toString);
    assertTrue(problems.get(3).startsWith("error[ESM-0852]: package 'com.new.club'")
        && problems.get(3).contains("'new'"), problems::toString);
    assertTrue(new ProjectCoordinates("a", "b", "1", "a..b").problems().get(0).contains("empty part"));
  }
}
