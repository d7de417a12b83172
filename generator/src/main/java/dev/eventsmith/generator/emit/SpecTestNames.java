package dev.eventsmith.generator.emit;

import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import java.util.List;

/**
 * Where a spec runs as a test: the generated class and method, for tools that read test reports
 * (the build plugin's status and check of specs). Agrees with the emitted tests by construction.
 */
public final class SpecTestNames {

  private SpecTestNames() {}

  /** The fully qualified name of the JUnit class that holds the specs of {@code spec}'s subject. */
  public static String testClass(EventModel model, SpecDef spec) {
    return new Names(model).specTest(spec.subject().name()).canonicalName();
  }

  /** The test method of {@code spec}, made unique among the specs of its subject as the emitter does. */
  public static String testMethod(EventModel model, SpecDef spec) {
    List<SpecDef> siblings = model.specsOf(spec.subject().name());
    int index = siblings.indexOf(spec);
    if (index < 0) {
      throw new IllegalArgumentException("spec '" + spec.name() + "' is not part of model " + model.name());
    }
    return MethodNames.of(siblings.stream().map(SpecDef::name).toList()).get(index);
  }
}
