package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Processes end to end: the bank model's process contract and state record are compared with
 * golden files (regenerate with {@code EVENTSMITH_UPDATE_GOLDEN=1}), then compiled by javac (release
 * 17) with a hand-written process and deciders and run by the runtime's {@code ProcessRunner} and
 * {@code DeadlineRunner} as they are.
 */
class ProcessesTest {

  private static final Path MODELS = Path.of("src/test/resources/processes");
  private static final String BANK = "bank/bank.yaml";
  private static final Path GOLDEN = Path.of("src/test/resources/golden/bank");
  private static final List<String> GOLDEN_FILES = List.of("MoneyTransferState", "MoneyTransferProcess");

  static Compilation compile(String... extra) {
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("package-info", "Account", "Transfer", "MoneyTransfer", "BankRun"));
    names.addAll(List.of(extra));
    for (String name : names) {
      sources.add(JavaFileObjects.forSourceString("com.example.bank." + name,
          TestModels.read(TestModels.SOURCES.resolve("bank").resolve(name + ".java"))));
    }
    return Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + MODELS.toAbsolutePath(), "--release", "17")
        .compile(sources);
  }

  @Test
  void theContractAndStateMatchTheGoldenFiles() throws IOException {
    Generator generator = new Generator(TestModels.load(BANK, TestModels.read(MODELS.resolve(BANK))), BANK);
    boolean update = "1".equals(System.getenv("EVENTSMITH_UPDATE_GOLDEN"));
    List<String> compared = new ArrayList<>();
    for (GeneratedSource file : GeneratedSource.render(generator.mainSources())) {
      String name = file.qualifiedName().substring(file.qualifiedName().lastIndexOf('.') + 1);
      if (!GOLDEN_FILES.contains(name)) {
        continue;
      }
      Path golden = GOLDEN.resolve(name + ".java");
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, file.text(), StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), file.text(),
          name + " differs from its golden file; if intended, regenerate with EVENTSMITH_UPDATE_GOLDEN=1 and review");
      compared.add(name);
    }
    assertEquals(GOLDEN_FILES, compared, "every golden file is generated");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProcessRunnerRunsTheGeneratedContractUnchanged() throws Exception {
    Compilation compilation = compile();
    assertThat(compilation).succeeded();
    ClassLoader loader = new CompiledClassLoader(compilation);
    List<String> log = (List<String>) loader.loadClass("com.example.bank.BankRun").getMethod("run").invoke(null);
    List<String> transfers = log.stream().filter(line -> !line.startsWith("Account") || line.contains("ed")).toList();
    assertEquals(List.of(
        "AccountOpened", "AccountOpened", "AccountOpened", "AccountOpened", "AccountClosed",
        "TransferRequested", "TransferRequested", "TransferRequested",
        // the first two are debited (the third source cannot pay), each credit follows its debit
        "AccountDebited", "AccountDebited", "AccountCredited", "DebitRefunded",
        // only the stuck transfer's deadline is left, and it fires once, after an hour
        "TransferCancelled", "fired at +30m: 0", "fired at +2h: 1"), transfers, log::toString);
  }
}
