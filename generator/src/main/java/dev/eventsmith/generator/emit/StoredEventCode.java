package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The helper methods of spec tests that give an event as it was stored at an older version
 * ({@code Event@N} in a spec): the fields of that version are written as the stored JSON and
 * decoded by the model's codec, so the decider or projector sees what the upcasts make of it.
 */
final class StoredEventCode {
  private final Context context;
  private final CodecEmitter codec;

  StoredEventCode(Context context) {
    this.context = context;
    this.codec = new CodecEmitter(context);
  }

  /** The name of the helper that gives {@code event} at {@code version}; never a spec test's name. */
  static String helperName(String event, int version) {
    return "stored_" + event + "_v" + version;
  }

  /** The helper method for {@code event} as stored at {@code version}, one parameter per field then. */
  MethodSpec helper(EventDef event, int version) {
    List<Field> fields = event.fieldsAt(version).orElseThrow(
        () -> new IllegalStateException("validated model lacks version " + version + " of " + event.name()));
    ClassName type = context.names().element(event.name());
    MethodSpec.Builder method = MethodSpec.methodBuilder(helperName(event.name(), version))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addJavadoc("$L", Docs.javadoc(1, "{@code " + event.name() + "} as stored at version " + version
            + ", read back through the codec's upcasts."));
    List<CodeBlock> values = new java.util.ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String parameter = "field" + i;
      method.addParameter(context.types().of(fields.get(i).type()), parameter);
      values.add(CodeBlock.of("$N", parameter));
    }
    return method.addCode(codec.writeValues(fields, values))
        .addStatement("return ($T) $T.INSTANCE.decode($T.STORED_NAME,$W$L,$Wjson.toBytes())", type,
            context.names().codec(), type, version)
        .build();
  }
}
