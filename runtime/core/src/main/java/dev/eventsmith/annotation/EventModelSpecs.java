package dev.eventsmith.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates one JUnit test class per slice of an event model, with one test per spec, into the
 * model's package. Put it on any type in {@code src/test/java}; the value is resolved as for
 * {@link EventModel}, with the model directory found from the test source root
 * ({@code src/test/java} reads {@code src/main/eventmodel}).
 *
 * <p>The generated tests instantiate the hand-written deciders and projectors: for each aggregate
 * and view, exactly one class in the model's package must implement the generated contract and
 * have a constructor without parameters.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface EventModelSpecs {
  /** The model file or folder, relative to the model directory; empty for the whole directory. */
  String value() default "";
}
