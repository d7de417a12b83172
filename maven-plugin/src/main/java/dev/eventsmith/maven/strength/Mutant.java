package dev.eventsmith.maven.strength;

/**
 * One change PIT made to the hand-written logic that no spec noticed.
 *
 * @param file the source file relative to the project, e.g. {@code src/main/java/com/example/cart/Cart.java}
 * @param covered whether any spec ran the line at all (a survivor) or none did
 * @param finding the sentence for people: what changed and what spec to add
 */
public record Mutant(
    String file, int line, String mutatedClass, String method, String mutator, String description,
    boolean covered, String finding) {}
