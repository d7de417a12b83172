package dev.eventsmith.generator.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * The processor steps aside for a model whose code is already among the compiled sources: the
 * {@code eventsmith-maven-plugin} goals {@code generate} and {@code generate-test} write the same
 * code into a source root of their own, and generating it twice would only fail with "duplicate
 * class". Only the first round's sources count: those are what the build handed to javac, never
 * what this processor wrote.
 */
final class SourceTypes {

  private SourceTypes() {}

  static Set<String> of(RoundEnvironment firstRound) {
    return ElementFilter.typesIn(firstRound.getRootElements()).stream()
        .map(type -> type.getQualifiedName().toString())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether any of {@code generated} is a source already; if so, says so on {@code element}. */
  static boolean generatedElsewhere(
      Set<String> sources, List<ClassName> generated, ProcessingEnvironment env, Element element) {
    for (ClassName type : generated) {
      if (sources.contains(type.canonicalName())) {
        env.getMessager().printMessage(Kind.NOTE, type.canonicalName() + " is already a source of this"
            + " compilation (the eventsmith-maven-plugin generated it), so the annotation processor generates"
            + " nothing for this model", element);
        return true;
      }
    }
    return false;
  }
}
