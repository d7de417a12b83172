package dev.eventsmith.generator.processor;

import com.google.auto.service.AutoService;
import dev.eventsmith.spec.diagnostic.Diagnostic;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Severity;
import dev.eventsmith.spec.model.SourcePosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Generates an event model's code where {@code @EventModel} stands, and its spec tests where
 * {@code @EventModelSpecs} stands. Problems are reported on the annotated element with the YAML
 * position in the text; nothing is thrown out of {@link #process}.
 */
@AutoService(Processor.class)
public final class EventsmithProcessor extends AbstractProcessor {

  static final String EVENT_MODEL = "dev.eventsmith.annotation.EventModel";
  static final String EVENT_MODEL_SPECS = "dev.eventsmith.annotation.EventModelSpecs";
  static final String MODEL_DIR_OPTION = "eventsmith.modelDir";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(EVENT_MODEL, EVENT_MODEL_SPECS);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(MODEL_DIR_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** Spec-test requests waiting for their contracts, which this compilation generates in a later round. */
  private final List<String> deferredSpecs = new ArrayList<>();

  /** The types written by hand or by another build step: what the first round saw as sources. */
  private Set<String> sourceTypes;

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (sourceTypes == null) {
      sourceTypes = SourceTypes.of(round);
    }
    TypeElement specsAnnotation = processingEnv.getElementUtils().getTypeElement(EVENT_MODEL_SPECS);
    List<String> waiting = new ArrayList<>(deferredSpecs);
    deferredSpecs.clear();
    for (String name : waiting) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        specs(element, specsAnnotation, round.processingOver());
      }
    }
    for (TypeElement annotation : annotations) {
      boolean specs = annotation.getQualifiedName().contentEquals(EVENT_MODEL_SPECS);
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (specs) {
          specs(element, annotation, round.processingOver());
        } else {
          ModelStep step = new ModelStep(processingEnv, element, annotation, sourceTypes);
          guarded(step, step::generateMain);
        }
      }
    }
    // The annotations are Eventsmith's own: claim them, so -Xlint does not report them unclaimed.
    return true;
  }

  private void specs(Element element, TypeElement annotation, boolean lastAttempt) {
    ModelStep step = new ModelStep(processingEnv, element, annotation, sourceTypes);
    guarded(step, () -> {
      if (!step.generateSpecTests(lastAttempt) && element instanceof TypeElement type) {
        deferredSpecs.add(type.getQualifiedName().toString());
      }
    });
  }

  /** Runs one step; an unexpected exception becomes an error on the element instead of a compiler crash. */
  private static void guarded(ModelStep step, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | LinkageError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      step.report(new Diagnostic(DiagnosticCode.INTERNAL_ERROR, Severity.ERROR, SourcePosition.unknown(),
          "Eventsmith failed unexpectedly: " + e + "\n" + trace,
          "this is a bug in Eventsmith; please report it with the model that triggers it"));
    }
  }

  static Kind kind(Severity severity) {
    return severity == Severity.ERROR ? Kind.ERROR : Kind.WARNING;
  }
}
