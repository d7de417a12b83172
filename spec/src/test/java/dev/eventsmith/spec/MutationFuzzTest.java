package dev.eventsmith.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds seeded random mutations of the valid example model to the loader: whatever the input,
 * load() returns normally, and never needs the internal-error safety net.
 */
class MutationFuzzTest {
  private static final String CHARS = " :-[]{},\"'$#&*!?|>%@`\t\n~0123456789abcXYZ<>\\";

  @Test
  void randomMutationsNeverEscapeAsExceptions() throws IOException {
    String valid = Files.readString(Path.of("src/test/resources/models/cart/cart.yaml"));
    Random random = new Random(20260101L);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int round = 0; round < 600; round++) {
        String mutated = mutate(valid, random, 1 + random.nextInt(4));
        LoadResult result = ModelLoader.load(List.of(new ModelSource("fuzz.yaml", mutated)));
        assertNotNull(result.format());
        assertNotNull(result.toJson());
        for (Diagnostic d : result.diagnostics()) {
          assertEquals(false, d.code() == DiagnosticCode.INTERNAL_ERROR,
              () -> "round with internal error:\n" + d.message() + "\n--- input ---\n" + mutated);
        }
      }
    });
  }

  private static String mutate(String text, Random random, int times) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    for (int i = 0; i < times; i++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
        case 2 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        case 3 -> lines.set(at, insertChar(lines.get(at), random));
        case 4 -> lines.set(at, deleteChar(lines.get(at), random));
        default -> lines.set(at, lines.get(at).replaceFirst("[A-Za-z]+", java.util.regex.Matcher.quoteReplacement(randomWord(random))));
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    return String.join("\n", lines);
  }

  private static String insertChar(String line, Random random) {
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at) + CHARS.charAt(random.nextInt(CHARS.length())) + line.substring(at);
  }

  private static String deleteChar(String line, Random random) {
    if (line.isEmpty()) {
      return line;
    }
    int at = random.nextInt(line.length());
    return line.substring(0, at) + line.substring(at + 1);
  }

  private static String randomWord(Random random) {
    String[] words = {"null", "~", "true", "$x", "list<", "int?", "class", "ItemAdded", "AddItem", "Cart", "-1", "1e9",
        "99999999999999999999", "&a", "*a", "!!str", "", "fields", "rejected", "given", "then", "when"};
    return words[random.nextInt(words.length)];
  }
}
