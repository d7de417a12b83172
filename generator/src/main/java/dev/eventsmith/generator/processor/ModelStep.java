package dev.eventsmith.generator.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.generator.emit.Generator;
import dev.eventsmith.generator.emit.Implementations;
import dev.eventsmith.generator.emit.Names;
import dev.eventsmith.spec.LoadResult;
import dev.eventsmith.spec.ModelLoader;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import dev.eventsmith.spec.diagnostic.Severity;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/** The work for one annotated element: find and load the model, then write what it asks for. */
final class ModelStep {

  private final ProcessingEnvironment env;
  private final Element element;
  private final TypeElement annotation;
  private final Set<String> sourceTypes;

  ModelStep(ProcessingEnvironment env, Element element, TypeElement annotation, Set<String> sourceTypes) {
    this.env = env;
    this.element = element;
    this.annotation = annotation;
    this.sourceTypes = sourceTypes;
  }

  void generateMain() {
    load(true).ifPresent(loaded -> {
      if (SourceTypes.generatedElsewhere(sourceTypes, List.of(new Names(loaded.model()).codec()), env, element)) {
        return;
      }
      Generator generator = new Generator(loaded.model(), loaded.label());
      write(generator.mainSources());
    });
  }

  /**
   * Generates the spec tests, or returns false to be asked again in the next round when the
   * generated contracts do not exist yet (model code and tests in one compilation) and this is not
   * the last attempt.
   */
  boolean generateSpecTests(boolean lastAttempt) {
    Optional<Loaded> loaded = load(false);
    if (loaded.isEmpty()) {
      return true;
    }
    Names names = new Names(loaded.get().model());
    List<ClassName> tests = loaded.get().model().specs().stream()
        .map(spec -> names.specTest(spec.subject().name())).distinct().toList();
    if (SourceTypes.generatedElsewhere(sourceTypes, tests, env, element)) {
      return true;
    }
    ImplementationFinder finder = new ImplementationFinder(env, this);
    if (!lastAttempt && !finder.contractsExist(loaded.get().model())) {
      return false;
    }
    finder.find(loaded.get().model())
        .ifPresent(found -> write(new Generator(loaded.get().model(), loaded.get().label()).testSources(found)));
    return true;
  }

  /** A model that loaded without errors, and the label generated code names it by. */
  private record Loaded(EventModel model, String label) {}

  private Optional<Loaded> load(boolean reportWarnings) {
    Optional<ModelLocation> location = locate();
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Path path = location.get().path();
    if (!Files.exists(path)) {
      report(missing(location.get()));
      return Optional.empty();
    }
    LoadResult result = ModelLoader.load(path, location.get().displayBase());
    for (Diagnostic diagnostic : result.diagnostics()) {
      if (reportWarnings || diagnostic.severity() == Severity.ERROR) {
        report(diagnostic);
      }
    }
    if (result.model().isEmpty()) {
      return Optional.empty();
    }
    EventModel model = result.model().get();
    String annotatedPackage = env.getElementUtils().getPackageOf(element).getQualifiedName().toString();
    if (!model.packageName().equals(annotatedPackage)) {
      report(error(DiagnosticCode.MODEL_PACKAGE_MISMATCH, model.position(),
          "model '" + model.name() + "' declares package " + model.packageName() + ", but @"
              + annotation.getSimpleName() + " stands in package " + annotatedPackage,
          "move the annotation to package " + model.packageName() + ", or change 'package:' in the model"));
      return Optional.empty();
    }
    return Optional.of(new Loaded(model, location.get().display(path)));
  }

  /** A model path that does not exist, named as the user wrote it, with the nearest file that does. */
  private Diagnostic missing(ModelLocation location) {
    Path dir = location.path().getParent();
    List<String> known = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
            .sorted().forEach(known::add);
      } catch (IOException e) {
        // no suggestion then
      }
    }
    String name = location.path().getFileName().toString();
    return error(DiagnosticCode.UNREADABLE_SOURCE, SourcePosition.unknown(),
        "the event model '" + location.display(location.path()) + "' named by @" + annotation.getSimpleName()
            + " does not exist" + DidYouMean.suffix(name, known),
        known.isEmpty()
            ? "Put the model's YAML there, or fix the path in @" + annotation.getSimpleName() + "(\"...\")."
            : "Fix the path in @" + annotation.getSimpleName() + "(\"...\"); the folder holds: "
                + String.join(", ", known) + ".");
  }

  private Optional<ModelLocation> locate() {
    String value = annotationValue();
    String option = env.getOptions().get(EventsmithProcessor.MODEL_DIR_OPTION);
    if (option != null && !option.isBlank()) {
      return Optional.of(ModelLocation.of(Path.of(option), value));
    }
    Optional<Path> sourceRoot = sourceRoot();
    Optional<Path> modelDir = sourceRoot.flatMap(ModelLocation::modelDirFromSourceRoot);
    if (modelDir.isEmpty()) {
      report(error(DiagnosticCode.UNREADABLE_SOURCE, SourcePosition.unknown(),
          "cannot find the model directory " + ModelLocation.DEFAULT_DIR
              + sourceRoot.map(r -> " next to the source root " + r).orElse(""),
          "put the YAML in " + ModelLocation.DEFAULT_DIR + ", or pass -A" + EventsmithProcessor.MODEL_DIR_OPTION
              + "=<folder> to the compiler"));
      return Optional.empty();
    }
    return Optional.of(ModelLocation.of(modelDir.get(), value));
  }

  /** The source root of the annotated file, e.g. {@code .../src/main/java}, when the compiler is javac. */
  private Optional<Path> sourceRoot() {
    try {
      TreePath tree = Trees.instance(env).getPath(element);
      if (tree == null) {
        return Optional.empty();
      }
      JavaFileObject file = tree.getCompilationUnit().getSourceFile();
      Path path = Path.of(file.toUri()).toAbsolutePath();
      Path root = path.getParent();
      String pkg = env.getElementUtils().getPackageOf(element).getQualifiedName().toString();
      if (!pkg.isEmpty()) {
        for (int i = pkg.split("\\.").length; i > 0 && root != null; i--) {
          root = root.getParent();
        }
      }
      return Optional.ofNullable(root);
    } catch (IllegalArgumentException | UnsupportedOperationException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  private String annotationValue() {
    AnnotationMirror mirror = mirror();
    if (mirror == null) {
      return "";
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : env.getElementUtils().getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return String.valueOf(entry.getValue().getValue()).trim();
      }
    }
    return "";
  }

  private AnnotationMirror mirror() {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (env.getTypeUtils().isSameType(mirror.getAnnotationType(), annotation.asType())) {
        return mirror;
      }
    }
    return null;
  }

  private void write(List<JavaFile> files) {
    for (GeneratedSource generated : GeneratedSource.render(files)) {
      String name = generated.qualifiedName();
      try {
        JavaFileObject source = env.getFiler().createSourceFile(name, element);
        try (Writer writer = source.openWriter()) {
          writer.write(generated.text());
        }
      } catch (IOException e) {
        report(error(DiagnosticCode.GENERATION_FAILED, SourcePosition.unknown(),
            "cannot write the generated file " + name + ": " + e.getMessage(),
            "if two @" + annotation.getSimpleName() + " annotations name the same model, keep one"));
      }
    }
  }

  static Diagnostic error(DiagnosticCode code, SourcePosition position, String message, String hint) {
    return new Diagnostic(code, Severity.ERROR, position, message, hint);
  }

  void report(Diagnostic diagnostic) {
    String text = diagnostic.position().line() > 0
        ? diagnostic.format()
        : diagnostic.severity().name().toLowerCase(java.util.Locale.ROOT) + "[" + diagnostic.code().id() + "]: "
            + diagnostic.message() + "\n  hint: " + diagnostic.hint();
    env.getMessager().printMessage(EventsmithProcessor.kind(diagnostic.severity()), text, element, mirror());
  }
}
