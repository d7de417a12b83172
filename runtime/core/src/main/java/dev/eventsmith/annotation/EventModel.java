package dev.eventsmith.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates the typed code of an event model into the annotated package: put it on the
 * {@code package-info.java} of the package named in the model.
 *
 * <p>The value is a YAML file or a folder of YAML files, relative to the model directory: by
 * default {@code src/main/eventmodel} next to the source root of the annotated file, or the
 * directory given with the processor option {@code -Aeventsmith.modelDir=...}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface EventModel {
  /** The model file or folder, relative to the model directory; empty for the whole directory. */
  String value() default "";
}
