package dev.eventsmith.mcp;

import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.NewEvent;
import dev.eventsmith.runtime.store.StreamId;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's project for the end-to-end tests: the shopping-cart example's model and logic, with one
 * spec planted to fail, built by Maven against the Eventsmith artifacts of this build (installed in
 * this module's own repository), and an SQLite store holding a cart's events, one of them stored at
 * an old schema version.
 */
final class FixtureProject {

  static final String FAILING_SPEC = "submits a cart with its total";
  static final UUID CART = UUID.fromString("00000000-0000-4000-8000-00000000c0de");

  private static final Path EXAMPLE = Path.of(System.getProperty("eventsmith.repository"), "examples", "shopping-cart");
  private static final List<String> LOGIC =
      List.of("Cart.java", "CartSummaryProjection.java", "Payment.java", "RequestPaymentOnSubmit.java",
          "package-info.java");

  private FixtureProject() {}

  /** Writes the project into {@code dir}. */
  static Path create(Path dir) throws IOException {
    Path main = dir.resolve("src/main/java/com/example/cart");
    Path test = dir.resolve("src/test/java/com/example/cart");
    Files.createDirectories(main);
    Files.createDirectories(test);
    Files.createDirectories(dir.resolve("src/main/eventmodel"));
    String model = Files.readString(EXAMPLE.resolve("src/main/eventmodel/cart.yaml"));
    String planted = model.replace("then: [ { CartSubmitted: { cartId: $cart, total: 24.97, items: 3 } } ]",
        "then: [ { CartSubmitted: { cartId: $cart, total: 24.98, items: 3 } } ]");
    if (planted.equals(model)) {
      throw new IllegalStateException("the example's spec '" + FAILING_SPEC + "' changed: plant the failure anew");
    }
    Files.writeString(dir.resolve("src/main/eventmodel/cart.yaml"), planted);
    for (String file : LOGIC) {
      Files.copy(EXAMPLE.resolve("src/main/java/com/example/cart").resolve(file), main.resolve(file));
    }
    Files.copy(EXAMPLE.resolve("src/test/java/com/example/cart/CartSpecs.java"), test.resolve("CartSpecs.java"));
    Files.writeString(dir.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>cart</artifactId>
          <version>1.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.eventsmith</groupId>
              <artifactId>eventsmith-runtime</artifactId>
              <version>@version@</version>
            </dependency>
            <dependency>
              <groupId>dev.eventsmith</groupId>
              <artifactId>eventsmith-testkit</artifactId>
              <version>@version@</version>
              <scope>test</scope>
            </dependency>
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>@junit@</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.13.0</version>
                <configuration>
                  <annotationProcessorPaths>
                    <path>
                      <groupId>dev.eventsmith</groupId>
                      <artifactId>eventsmith-generator</artifactId>
                      <version>@version@</version>
                    </path>
                  </annotationProcessorPaths>
                </configuration>
              </plugin>
              <plugin>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>3.5.2</version>
              </plugin>
              <plugin>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.replace("@version@", System.getProperty("eventsmith.version"))
        .replace("@junit@", System.getProperty("eventsmith.junitVersion")));
    return dir;
  }

  /** Maven's arguments for the fixture: this module's repository first, the build's own behind it (read-only). */
  static List<String> mavenArguments() {
    String tail = System.getProperty("eventsmith.localRepository") + ","
        + Path.of(System.getProperty("user.home"), ".m2", "repository");
    return List.of("--maven", Path.of(System.getProperty("eventsmith.mavenHome"), "bin", "mvn").toString(),
        "--maven-arg=-Dmaven.repo.local=" + System.getProperty("eventsmith.itRepository"),
        "--maven-arg=-Dmaven.repo.local.tail=" + tail);
  }

  /** An SQLite store in {@code file} with a cart created, and an item added at schema version 1 (no quantity). */
  static void store(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    EventModel model = ModelLoader.load(EXAMPLE.resolve("src/main/eventmodel")).model().orElseThrow();
    String created = model.event("CartCreated").orElseThrow().storedName();
    String added = model.event("ItemAdded").orElseThrow().storedName();
    try (SqliteEventStore store = SqliteEventStore.open(file)) {
      store.append(StreamId.of("Cart", CART), ExpectedVersion.noStream(), List.of(
          event(created, 1, "{\"cartId\":\"" + CART + "\",\"customer\":\"Ann\"}"),
          event(added, 1, "{\"cartId\":\"" + CART + "\",\"sku\":\"ABC-1\",\"price\":9.99}")));
    }
  }

  private static NewEvent event(String type, int version, String json) {
    return new NewEvent(UUID.randomUUID(), type, version, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
