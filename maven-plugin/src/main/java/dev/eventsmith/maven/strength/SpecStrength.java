package dev.eventsmith.maven.strength;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * How well the specs pin down the hand-written logic: PIT mutates the deciders, projectors and
 * automations (and their nested classes) one change at a time and runs the generated spec tests
 * against each; a change that no spec notices is a rule the specs do not state. PIT runs in a JVM
 * of its own, so its class path never meets the build's.
 */
public final class SpecStrength {

  /** What a run found: how many changes were tried and noticed, and each one that was not. */
  public record Report(int mutants, int killed, List<Mutant> gaps) {}

  /** PIT could not measure anything, with the reason and the tail of its log. */
  public static final class RunFailed extends Exception {
    private static final long serialVersionUID = 1L;

    RunFailed(String message) {
      super(message);
    }
  }

  private SpecStrength() {}

  public static Report run(StrengthRequest request) throws IOException, RunFailed, InterruptedException {
    Path reportDir = request.workDir().resolve("pit");
    Files.createDirectories(reportDir);
    Files.deleteIfExists(reportDir.resolve("mutations.xml"));
    Path log = request.workDir().resolve("pit.log");
    List<String> command = new ArrayList<>(List.of(request.java().toString(), "-cp", join(request.pitClasspath(),
        java.io.File.pathSeparator), "org.pitest.mutationtest.commandline.MutationCoverageReport",
        "--reportDir", reportDir.toString(),
        "--targetClasses", request.logicClasses().stream().flatMap(c -> List.of(c, c + "$*").stream())
            .collect(Collectors.joining(",")),
        "--targetTests", String.join(",", request.specTests()),
        "--sourceDirs", join(request.sourceDirs(), ","),
        "--classPath", join(request.testClasspath(), ","),
        "--outputFormats", "XML",
        "--timestampedReports=false",
        "--threads", "1"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new RunFailed("PIT did not finish within 30 minutes; its log: " + log);
    }
    Path mutations = reportDir.resolve("mutations.xml");
    if (process.exitValue() != 0 || !Files.isRegularFile(mutations)) {
      throw new RunFailed("PIT stopped with exit code " + process.exitValue() + ". The end of its log (" + log + "):\n"
          + tail(log, 15));
    }
    return parse(mutations, request);
  }

  static Report parse(Path mutations, StrengthRequest request) throws IOException, RunFailed {
    Document document;
    try (InputStream in = Files.newInputStream(mutations)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(in);
    } catch (SAXException | ParserConfigurationException e) {
      throw new RunFailed("PIT's report " + mutations + " cannot be read: " + e.getMessage());
    }
    NodeList nodes = document.getElementsByTagName("mutation");
    List<Mutant> gaps = new ArrayList<>();
    int killed = 0;
    for (int i = 0; i < nodes.getLength(); i++) {
      Element mutation = (Element) nodes.item(i);
      String status = mutation.getAttribute("status");
      if (!status.equals("SURVIVED") && !status.equals("NO_COVERAGE")) {
        killed++;
        continue;
      }
      String mutatedClass = text(mutation, "mutatedClass");
      String sourceFile = text(mutation, "sourceFile");
      int line = Integer.parseInt(text(mutation, "lineNumber"));
      String relative = packagePath(mutatedClass) + sourceFile;
      Optional<Path> source = request.sourceDirs().stream().map(d -> d.resolve(relative)).filter(Files::isRegularFile)
          .findFirst();
      String file = source.map(s -> display(request.baseDir(), s)).orElse(relative);
      Optional<String> code = source.flatMap(s -> line(s, line));
      boolean covered = status.equals("SURVIVED");
      String mutator = text(mutation, "mutator");
      String description = text(mutation, "description");
      gaps.add(new Mutant(file, line, mutatedClass, text(mutation, "mutatedMethod"), mutator, description, covered,
          Findings.sentence(sourceFile + ":" + line, mutator, description, code, covered)));
    }
    gaps.sort(java.util.Comparator.comparing(Mutant::file).thenComparingInt(Mutant::line)
        .thenComparing(Mutant::finding));
    return new Report(nodes.getLength(), killed, List.copyOf(gaps));
  }

  private static String text(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
  }

  private static String packagePath(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot).replace('.', '/') + "/";
  }

  private static String display(Path base, Path file) {
    return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static Optional<String> line(Path file, int number) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return number >= 1 && number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String join(List<Path> paths, String separator) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(separator));
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
