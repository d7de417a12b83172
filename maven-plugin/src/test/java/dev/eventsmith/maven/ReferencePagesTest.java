package dev.eventsmith.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferencePagesTest {

  @TempDir
  Path project;

  @Test
  void writesAPageForEveryCodeAndEveryLinkBetweenThemResolves() throws IOException {
    Path folder = project.resolve("target/eventsmith");
    new ReferencePages(folder).write();
    for (DiagnosticCode code : DiagnosticCode.values()) {
      Path page = folder.resolve("errors").resolve(code.id() + ".md");
      assertTrue(Files.readString(page).startsWith("# " + code.id()), page.toString());
    }
    assertTrue(Files.isRegularFile(folder.resolve("eventmodel.schema.json")));
    List<String> dead = new ArrayList<>();
    Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)[^)]*\\)");
    try (Stream<Path> pages = Files.walk(folder)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = link.matcher(Files.readString(page));
        while (m.find()) {
          String target = m.group(1);
          if (!target.contains("://") && !Files.exists(page.getParent().resolve(target))) {
            dead.add(folder.relativize(page) + " -> " + target);
          }
        }
      }
    }
    assertTrue(Files.readString(folder.resolve("model-format.md")).contains("](errors/)"), "links rewritten");
    assertEquals(List.of(), dead);
  }

  @Test
  void diagnosticsJsonLinksEachDiagnosticToItsPageRelativeToTheProject() throws IOException {
    Path model = Files.createDirectories(project.resolve("src/main/eventmodel")).resolve("m.yaml");
    Files.writeString(model, "eventmodel: 1\nname: M\npackage: a.b\nevnts: {}\n");
    List<LoadResult> results = new ModelValidation(model, project).run();
    ReferencePages pages = new ReferencePages(project.resolve("target/eventsmith"));
    String json = results.get(0).toJson(code -> pages.pageOf(code.id(), project));
    assertTrue(json.contains("\"code\":\"ESM-0004\""), json);
    assertTrue(json.contains("\"page\":\"target/eventsmith/errors/ESM-0004.md\""), json);
  }
}
