package dev.eventsmith.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.generator.processor.EventsmithProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.lang.reflect.Method;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

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
  private static final List<String> GOLDEN_FILES =
      List.of("MoneyTransferState", "MoneyTransferProcess", "MoneyTransferSpecTest");

  static Compilation compile(String... extra) {
    return compileIn(MODELS, extra);
  }

  static Compilation compileIn(Path models, String... extra) {
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("package-info", "Account", "Transfer", "MoneyTransfer", "BankRun"));
    names.addAll(List.of(extra));
    for (String name : names) {
      sources.add(JavaFileObjects.forSourceString("com.example.bank." + name,
          TestModels.read(TestModels.SOURCES.resolve("bank").resolve(name + ".java"))));
    }
    return Compiler.javac()
        .withProcessors(new EventsmithProcessor())
        .withOptions("-Aeventsmith.modelDir=" + models.toAbsolutePath(), "--release", "17")
        .compile(sources);
  }

  @Test
  void theContractAndStateMatchTheGoldenFiles() throws IOException {
    Generator generator = new Generator(TestModels.load(BANK, TestModels.read(MODELS.resolve(BANK))), BANK);
    boolean update = "1".equals(System.getenv("EVENTSMITH_UPDATE_GOLDEN"));
    List<String> compared = new ArrayList<>();
    List<JavaFile> files = new ArrayList<>(generator.mainSources());
    ClassName account = ClassName.get("com.example.bank", "Account");
    files.addAll(generator.testSources(new Implementations(
        Map.of("Account", account, "Transfer", account.peerClass("Transfer")), Map.of(), Map.of(),
        Map.of("MoneyTransfer", account.peerClass("MoneyTransfer")))));
    for (GeneratedSource file : GeneratedSource.render(files)) {
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
    assertEquals(List.of(
        "AccountOpened", "AccountOpened", "AccountOpened", "AccountOpened", "AccountClosed",
        "TransferRequested", "TransferRequested", "TransferRequested",
        // the first two are debited (the third source cannot pay), each credit follows its debit
        "AccountDebited", "AccountDebited", "AccountCredited", "DebitRefunded",
        // only the stuck transfer's deadline is left, and it fires once, after an hour
        "TransferCancelled", "fired at +30m: 0", "fired at +2h: 1"), log);
  }

  @Test
  void theGeneratedProcessSpecsPassAgainstTheHandWrittenProcess() throws Exception {
    Compilation compilation = compile("BankSpecs");
    assertThat(compilation).succeeded();
    assertEquals(7, runSpecs(new CompiledClassLoader(compilation)), "one test per spec of bank.yaml");
  }

  @Test
  void aWrongExpectationFailsWithTheSpecNameItsLineAndBothSidesAsYaml(@TempDir Path temp) throws Exception {
    String yaml = TestModels.read(MODELS.resolve(BANK));
    String wrong = yaml.replace("        cancels: [expire]\n", "        cancels: [expire]\n        ended: true\n");
    Files.createDirectories(temp.resolve("bank"));
    Files.writeString(temp.resolve(BANK), wrong);
    Compilation compilation = compileIn(temp, "BankSpecs");
    assertThat(compilation).succeeded();
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> runSpecs(new CompiledClassLoader(compilation)));
    String message = failure.getMessage();
    int line = TestModels.lineOf(wrong, "the debit credits the target");
    assertTrue(message.contains("spec 'the debit credits the target and cancels the expiry' (MoneyTransfer) failed at "
        + "bank/bank.yaml:" + line), message);
    assertTrue(message.contains("ended: true") && message.contains("ended: false"), message);
    assertTrue(message.contains("CreditAccount"), message);
  }

  private static int runSpecs(ClassLoader loader) throws Exception {
    Class<?> type = loader.loadClass("com.example.bank.MoneyTransferSpecTest");
    int run = 0;
    for (Method method : type.getDeclaredMethods()) {
      if (method.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
        try {
          CompiledClassLoader.invoke(type, method);
        } catch (java.lang.reflect.InvocationTargetException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw e;
        }
        run++;
      }
    }
    return run;
  }
}
