package dev.eventsmith.runtime.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One automation of a model.
 *
 * @param name the automation's name in the model, e.g. {@code RequestPaymentOnSubmit}; runners
 *     keep their checkpoint under it
 * @param automation the generated contract its logic implements, e.g. {@code RequestPaymentOnSubmitAutomation}
 * @param view the view it watches, when it reacts to a view's rows rather than to events
 */
public record AutomationDescriptor(String name, Class<?> automation, Optional<String> view) {

  public AutomationDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(automation, "automation");
    Objects.requireNonNull(view, "view");
  }
}
