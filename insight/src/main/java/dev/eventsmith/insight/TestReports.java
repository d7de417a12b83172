package dev.eventsmith.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The test cases of JUnit XML reports ({@code TEST-*.xml}, as Maven Surefire and Failsafe write
 * them): what ran, and whether it passed. A case is known by its class and its name; reports may
 * carry either the Java names or JUnit's display names, so both are looked up.
 */
public final class TestReports {

  /** How one test case ended. */
  public enum Result {
    PASSED,
    FAILED,
    SKIPPED
  }

  /** One test case: its class and name as the report wrote them, and how it ended. */
  public record TestCase(String className, String name, Result result, String message) {}

  private final Map<String, TestCase> byKey = new TreeMap<>();
  private final int files;

  private TestReports(List<TestCase> cases, int files) {
    cases.forEach(c -> byKey.merge(key(c.className(), c.name()), c, TestReports::worse));
    this.files = files;
  }

  /** Reads every {@code TEST-*.xml} in {@code folder}; a missing folder means no test ran. */
  public static TestReports read(Path folder) {
    List<TestCase> cases = new ArrayList<>();
    int files = 0;
    if (Files.isDirectory(folder)) {
      try (Stream<Path> reports = Files.list(folder)) {
        for (Path report : reports.filter(TestReports::isReport).sorted().toList()) {
          cases.addAll(parse(report));
          files++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the test reports in " + folder, e);
      }
    }
    return new TestReports(cases, files);
  }

  /** Reports holding exactly {@code cases}, as if read from one file. */
  public static TestReports of(List<TestCase> cases) {
    return new TestReports(cases, cases.isEmpty() ? 0 : 1);
  }

  /** How many report files were read. */
  public int files() {
    return files;
  }

  /** How many test cases the reports hold. */
  public int size() {
    return byKey.size();
  }

  /** The case of {@code name} in {@code className}, trying each pair of the given alternative spellings. */
  public Optional<TestCase> find(List<String> classNames, List<String> names) {
    for (String className : classNames) {
      for (String name : names) {
        TestCase found = byKey.get(key(className, name));
        if (found != null) {
          return Optional.of(found);
        }
      }
    }
    return Optional.empty();
  }

  private static String key(String className, String name) {
    String bare = name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
    return className + "\u0000" + bare;
  }

  /** A case reported twice (e.g. by two runs into one folder): a failure wins, then a pass. */
  private static TestCase worse(TestCase a, TestCase b) {
    return rank(b.result()) > rank(a.result()) ? b : a;
  }

  private static int rank(Result result) {
    return switch (result) {
      case FAILED -> 2;
      case PASSED -> 1;
      case SKIPPED -> 0;
    };
  }

  private static boolean isReport(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("TEST-") && name.endsWith(".xml") && Files.isRegularFile(file);
  }

  private static List<TestCase> parse(Path report) {
    Document document;
    try (InputStream in = Files.newInputStream(report)) {
      document = builder().parse(in);
    } catch (IOException | SAXException e) {
      // A report being written by a crashed fork can be cut short: it proves nothing ran.
      return List.of();
    }
    List<TestCase> cases = new ArrayList<>();
    NodeList nodes = document.getElementsByTagName("testcase");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element testcase = (Element) nodes.item(i);
      Result result = Result.PASSED;
      String message = "";
      for (String failure : List.of("failure", "error")) {
        NodeList found = testcase.getElementsByTagName(failure);
        if (found.getLength() > 0) {
          result = Result.FAILED;
          message = ((Element) found.item(0)).getAttribute("message");
        }
      }
      if (result == Result.PASSED && testcase.getElementsByTagName("skipped").getLength() > 0) {
        result = Result.SKIPPED;
      }
      cases.add(new TestCase(testcase.getAttribute("classname"), testcase.getAttribute("name"), result, message));
    }
    return cases;
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refuses a standard feature", e);
    }
  }
}
