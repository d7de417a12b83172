package dev.eventsmith.spec.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The reserved java.lang names are the JDK's own list for Java 17, not a hand-picked few. */
class ReservedNamesTest {

  /** The public top-level types of java.lang as javac sees them with {@code --release 17}, whatever JDK runs. */
  private static Set<String> javaLangOfRelease17() throws Exception {
    JavaFileObject empty = new SimpleJavaFileObject(URI.create("string:///Empty.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return "class Empty {}";
      }
    };
    JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
        .getTask(null, null, null, List.of("--release", "17", "-proc:none"), null, List.of(empty));
    task.analyze();
    PackageElement lang = task.getElements().getPackageElement("java.lang");
    Set<String> names = new TreeSet<>();
    for (Element type : lang.getEnclosedElements()) {
      if (type.getModifiers().contains(Modifier.PUBLIC)) {
        names.add(type.getSimpleName().toString());
      }
    }
    return names;
  }

  @Test
  void theJavaLangListIsTheJdksForRelease17() throws Exception {
    Set<String> expected = javaLangOfRelease17();
    assertTrue(expected.size() > 100, "javac lists " + expected.size() + " types in java.lang");
    assertEquals(expected, new TreeSet<>(ReservedNames.javaLang()),
        "src/main/resources/dev/eventsmith/spec/codegen/" + ReservedNames.JAVA_LANG_RESOURCE
            + " must list exactly these names, one per line");
  }

  @Test
  void importedNamesAreNotJavaLangNamesAndAreValidTypeNames() {
    for (String name : ReservedNames.imported()) {
      assertTrue(!ReservedNames.javaLang().contains(name), name + " is a java.lang name: list it there only");
      assertTrue(name.matches("[A-Z][A-Za-z0-9]*"), name);
    }
  }
}
