package dev.eventsmith.maven;

import dev.eventsmith.generator.emit.GeneratedSource;
import dev.eventsmith.spec.model.EventModel;
import java.io.IOException;
import java.util.List;

/**
 * How a change to the YAML alone reaches the annotation processor: one tiny Java source per model,
 * in a source root of this plugin's own, whose text is the model's fingerprint. When the model (or
 * the Eventsmith version) changes, the file changes; maven-compiler-plugin sees a changed source,
 * recompiles the module and so runs the processor again, and the test compilation follows because
 * its class path changed. Nothing else's files are touched.
 *
 * <p>The class name holds an underscore, as AutoValue's do, so no model element can take it.
 */
final class FingerprintSource {

  private FingerprintSource() {}

  static String className(EventModel model) {
    return "Eventsmith_" + model.name() + "Fingerprint";
  }

  static List<GeneratedSource> of(List<EventModel> models, String fingerprint) {
    return models.stream().map(model -> new GeneratedSource(model.packageName() + "." + className(model), """
        // Written by eventsmith:validate; never edit or commit it. Its text changes whenever the event
        // model or the Eventsmith version changes, so that the compiler recompiles this module and the
        // annotation processor generates the model's code again.
        package %s;

        final class %s {
          static final String SHA_256 = "%s";

          private %s() {}
        }
        """.formatted(model.packageName(), className(model), fingerprint, className(model)))).toList();
  }

  static OutputDirectory.Changes write(OutputDirectory directory, List<EventModel> models, String fingerprint)
      throws IOException {
    return directory.sync(of(models, fingerprint));
  }
}
