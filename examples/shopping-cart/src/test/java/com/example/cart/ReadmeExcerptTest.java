package com.example.cart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Running it" code is an excerpt of ShoppingCartApp, so it compiles and runs with it. */
class ReadmeExcerptTest {

  @Test
  void everyLineOfTheReadmeExcerptIsInShoppingCartAppInOrder() throws IOException {
    String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Running it");
    int open = readme.indexOf("```java\n", section);
    int close = readme.indexOf("```", open + 8);
    List<String> excerpt = readme.substring(open + 8, close).lines().map(String::trim)
        .filter(l -> !l.isEmpty()).toList();
    List<String> code = Files.readAllLines(Path.of("src/main/java/com/example/cart/ShoppingCartApp.java"))
        .stream().map(String::trim).toList();
    assertTrue(excerpt.size() >= 5, "the README's excerpt is missing");
    int at = 0;
    for (String line : excerpt) {
      int found = code.subList(at, code.size()).indexOf(line);
      assertTrue(found >= 0, () -> "README line not found (in order) in ShoppingCartApp.java: " + line);
      at += found + 1;
    }
  }
}
