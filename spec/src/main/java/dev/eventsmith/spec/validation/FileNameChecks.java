package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.codegen.JavaLimits;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every generated type is a file named after it, and macOS and Windows file systems ignore case:
 * two names that differ only in case ({@code CartItemAdded}, {@code CartitemAdded}) would be one
 * file there, and one class would silently replace the other.
 */
final class FileNameChecks {

  private final EventModel model;
  private final Diagnostics diagnostics;

  FileNameChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  /** One generated file: the type it holds and the element it comes from. */
  private record File(String type, String what, SourcePosition position) {}

  void run() {
    Map<String, List<File>> byFoldedName = new LinkedHashMap<>();
    for (File file : files()) {
      byFoldedName.computeIfAbsent(file.type().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(file);
    }
    for (List<File> group : byFoldedName.values()) {
      List<File> sorted = group.stream()
          .sorted(Comparator.comparing(File::position, ModelNames.ORDER).thenComparing(File::type)).toList();
      File first = sorted.get(0);
      for (File later : sorted.subList(1, sorted.size())) {
        // The very same name is ESM-0101, ESM-0102 or ESM-0203; here only spellings that differ in case.
        if (!later.type().equals(first.type())) {
          diagnostics.report(DiagnosticCode.NAMES_DIFFER_ONLY_IN_CASE, later.position(),
              later.what() + " becomes the file " + later.type() + ".java, which differs only in case from "
                  + first.type() + ".java of " + first.what() + " at " + first.position()
                  + "; on macOS and Windows both are one file",
              "Rename one of them so that the names differ in more than case.");
        }
      }
    }
  }

  private List<File> files() {
    List<File> files = new ArrayList<>();
    for (ModelNames.Named element : ModelNames.elements(model)) {
      if (element.isFile() && checked(element.name())) {
        files.add(new File(element.name(), element.kind() + " '" + element.name() + "'", element.position()));
      }
    }
    for (ModelNames.Generated generated : ModelNames.generated(model, checked(model.name()))) {
      ModelNames.Named owner = generated.owner();
      if (checked(owner.name())) {
        files.add(new File(generated.name(), owner.kind() + " '" + owner.name() + "' (its "
            + generated.kind().description().replaceFirst("^the ", "") + ")", owner.position()));
      }
    }
    return files;
  }

  /** Only names that passed the other name checks, so that one bad name is reported once. */
  private static boolean checked(String name) {
    return JavaNames.isTypeName(name) && SafeAlphabet.firstOutside(name, false).isEmpty()
        && name.length() <= JavaLimits.MAX_NAME_LENGTH;
  }
}
