package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.EventModel;

/**
 * Checks a read model for everything YAML structure cannot express: names, references, types,
 * specs, and the warnings a careful reviewer would give. Reports all problems; never throws.
 */
public final class ModelValidator {
  private ModelValidator() {}

  /** Reports every problem of {@code model} to {@code diagnostics}. */
  public static void validate(EventModel model, Diagnostics diagnostics) {
    new NameChecks(model, diagnostics).run();
    new FileNameChecks(model, diagnostics).run();
    new ReferenceChecks(model, diagnostics).run();
    new TypeChecks(model, diagnostics).run();
    new StructureChecks(model, diagnostics).run();
    new ProcessChecks(model, diagnostics).run();
    new StoredVersionChecks(model, diagnostics).run();
    new DecisionChecks(model, diagnostics).run();
    new SpecChecks(model, diagnostics).run();
    new SizeChecks(model, diagnostics).run();
    new ModelWarnings(model, diagnostics).run();
  }
}
