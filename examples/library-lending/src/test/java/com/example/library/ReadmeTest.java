package com.example.library;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each block of this example's README marked {@code <!-- excerpt of=PATH -->} is made of lines of PATH, in order. */
class ReadmeTest {

  private static final Pattern EXCERPT =
      Pattern.compile("<!-- excerpt of=(\\S+) -->\n```\\w*\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyExcerptIsInItsFileInOrder() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher excerpt = EXCERPT.matcher(readme);
    int found = 0;
    while (excerpt.find()) {
      found++;
      Path file = Path.of("../..").resolve(excerpt.group(1));
      List<String> lines = Files.readAllLines(file).stream().map(String::strip).toList();
      int at = 0;
      for (String line : excerpt.group(2).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
        int index = lines.subList(at, lines.size()).indexOf(line);
        assertTrue(index >= 0, () -> "README line not found (in order) in " + file + ": " + line);
        at += index + 1;
      }
    }
    assertTrue(found >= 4, "the README's excerpts are missing");
  }
}
