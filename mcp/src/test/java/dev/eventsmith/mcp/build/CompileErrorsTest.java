package dev.eventsmith.mcp.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.mcp.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileErrorsTest {

  @TempDir
  Path temp;

  @Test
  void eachErrorOnceWithItsPlaceInTheProjectAndItsDetails() throws Exception {
    Project project = Project.open(temp, ".");
    String file = temp.toRealPath().resolve("src/main/java/com/example/cart/Cart.java").toString();
    List<String> log = List.of(
        "[INFO] Compiling 3 source files",
        "[ERROR] COMPILATION ERROR : ",
        "[ERROR] " + file + ":[12,5] cannot find symbol",
        "[ERROR]   symbol:   class ItemAded",
        "[ERROR]   location: class com.example.cart.Cart",
        "[INFO] 1 error",
        "[ERROR] Failed to execute goal ...: Compilation failure",
        "[ERROR] " + file + ":[12,5] cannot find symbol",
        "[ERROR]   symbol:   class ItemAded",
        "[ERROR]   location: class com.example.cart.Cart");
    List<Map<String, Object>> errors = CompileErrors.parse(log, project);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(Map.of("file", "src/main/java/com/example/cart/Cart.java", "line", 12, "column", 5,
        "message", "cannot find symbol",
        "details", List.of("symbol:   class ItemAded", "location: class com.example.cart.Cart")), errors.get(0));
  }
}
