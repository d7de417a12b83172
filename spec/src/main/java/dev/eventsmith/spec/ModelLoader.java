package dev.eventsmith.spec;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.validation.ModelValidator;
import dev.eventsmith.spec.yaml.ModelReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads an event model from YAML: read, then validate. Never throws for bad input; every problem
 * comes back as a diagnostic in the {@link LoadResult}.
 */
public final class ModelLoader {
  private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private ModelLoader() {}

  /** Loads a model made of the given sources, in the given order. */
  public static LoadResult load(List<ModelSource> sources) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<EventModel> model = Optional.empty();
    try {
      if (sources.isEmpty()) {
        diagnostics.report(DiagnosticCode.UNREADABLE_SOURCE, SourcePosition.unknown(),
            "no model file was given", "Pass at least one YAML file with 'eventmodel: 1'.");
      } else {
        ModelReader reader = new ModelReader(diagnostics);
        sources.forEach(source -> reader.read(source.displayName(), source.content()));
        model = reader.model();
        model.ifPresent(m -> ModelValidator.validate(m, diagnostics));
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of ours must not look like a crash of the user's build; say so plainly instead.
      diagnostics.report(DiagnosticCode.INTERNAL_ERROR,
          new SourcePosition(sources.isEmpty() ? "<none>" : sources.get(0).displayName(), 1, 1),
          "the model reader failed unexpectedly (" + e + ")",
          "Please report this with the model files attached; meanwhile look for unusual YAML near your last edit.");
    }
    return new LoadResult(diagnostics.hasErrors() ? Optional.empty() : model, diagnostics.sorted());
  }

  /**
   * Loads a model from one YAML file, or from every {@code *.yaml}/{@code *.yml} file of a directory
   * (not its subdirectories), sorted by name. Files are named relative to the directory's parent,
   * e.g. {@code eventmodel/cart.yaml}.
   */
  public static LoadResult load(Path fileOrDirectory) {
    Path base = fileOrDirectory.toAbsolutePath().normalize();
    return load(fileOrDirectory, base.getParent() != null ? base.getParent() : base);
  }

  /**
   * Loads a model as {@link #load(Path)} does, naming files relative to {@code displayBase}, e.g.
   * the project folder, so that {@code src/main/eventmodel/cart.yaml:14:9} opens from there.
   */
  public static LoadResult load(Path fileOrDirectory, Path displayBase) {
    Path base = fileOrDirectory.toAbsolutePath().normalize();
    Path parent = displayBase.toAbsolutePath().normalize();
    List<ModelSource> sources = new ArrayList<>();
    Diagnostics problems = new Diagnostics();
    String shown = fileOrDirectory.toString().replace('\\', '/');
    if (!Files.exists(base)) {
      problems.report(DiagnosticCode.UNREADABLE_SOURCE, new SourcePosition(shown, 1, 1),
          "the model path '" + shown + "' does not exist", "Check the path; it must name a YAML file or a folder of them.");
    } else if (Files.isDirectory(base)) {
      List<Path> files = yamlFilesIn(base, shown, problems);
      if (files.isEmpty() && !problems.hasErrors()) {
        problems.report(DiagnosticCode.UNREADABLE_SOURCE, new SourcePosition(shown, 1, 1),
            "the folder '" + shown + "' holds no *.yaml or *.yml file", "Put the model files directly in this folder.");
      }
      for (Path file : files) {
        read(file, displayName(parent, file), problems).ifPresent(sources::add);
      }
    } else {
      read(base, displayName(parent, base), problems).ifPresent(sources::add);
    }
    if (problems.hasErrors()) {
      return new LoadResult(Optional.empty(), problems.sorted());
    }
    return load(sources);
  }

  private static List<Path> yamlFilesIn(Path directory, String shown, Diagnostics problems) {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> {
            String name = p.getFileName().toString();
            return name.endsWith(".yaml") || name.endsWith(".yml");
          })
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    } catch (IOException | RuntimeException e) {
      problems.report(DiagnosticCode.UNREADABLE_SOURCE, new SourcePosition(shown, 1, 1),
          "the folder '" + shown + "' cannot be listed (" + e.getMessage() + ")", "Check that the folder is readable.");
      return List.of();
    }
  }

  private static Optional<ModelSource> read(Path file, String displayName, Diagnostics problems) {
    SourcePosition start = new SourcePosition(displayName, 1, 1);
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        problems.report(DiagnosticCode.LIMIT_EXCEEDED, start, "the file is larger than 4 MiB",
            "Split the model into several files in one folder.");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
      // Editors on Windows like to start files with a byte order mark; it is not part of the YAML.
      return Optional.of(new ModelSource(displayName, text.startsWith("\uFEFF") ? text.substring(1) : text));
    } catch (CharacterCodingException e) {
      problems.report(DiagnosticCode.UNREADABLE_SOURCE, start, "the file is not valid UTF-8 text",
          "Save the file with UTF-8 encoding.");
    } catch (IOException | RuntimeException e) {
      problems.report(DiagnosticCode.UNREADABLE_SOURCE, start, "the file cannot be read (" + e.getMessage() + ")",
          "Check that the file exists and is readable.");
    }
    return Optional.empty();
  }

  private static String displayName(Path parent, Path file) {
    return parent.relativize(file).toString().replace('\\', '/');
  }
}
