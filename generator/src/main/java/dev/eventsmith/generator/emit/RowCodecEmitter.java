package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Reference;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits a {@code RowCodec} per view, so durable view stores (SQLite, PostgreSQL) can keep its rows
 * as JSON without hand-written mapping: the same field code as the event codec.
 */
final class RowCodecEmitter {

  private final Context context;
  private final CodecEmitter fields;

  RowCodecEmitter(Context context, CodecEmitter fields) {
    this.context = context;
    this.fields = fields;
  }

  /** The row codec of {@code view}; empty if its key is a list or optional, which has no text form. */
  Optional<TypeSpec> emit(ViewDef view) {
    TypeRef keyRef = view.singleRow() ? new TypeRef.Builtin(BuiltinType.STRING)
        : view.fields().stream().filter(f -> f.name().equals(view.key())).findFirst().orElseThrow().type();
    Optional<KeyText> keyText = keyText(keyRef);
    if (keyText.isEmpty()) {
      return Optional.empty();
    }
    Names names = context.names();
    ClassName self = names.rowCodec(view.name());
    ClassName row = names.element(view.name());
    TypeName keyType = context.types().of(keyRef).box();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.ROW_CODEC, keyType, row))
        .addJavadoc("$L", Docs.javadoc(0, "Reads and writes rows of view {@code " + view.name()
            + "} as JSON, for durable view stores."))
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("encodeKey")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addParameter(keyType, "key")
            .addStatement("return $L", keyText.get().encode())
            .build())
        .addMethod(MethodSpec.methodBuilder("decodeKey")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(keyType)
            .addParameter(String.class, "text")
            .addStatement("return $L", keyText.get().decode())
            .build())
        .addMethod(MethodSpec.methodBuilder("encodeRow")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addParameter(row, "row")
            .addCode(fields.writeFields(view.fields(), "row"))
            .addStatement("return new $T(json.toBytes(), $T.UTF_8)", String.class, TypeNames.STANDARD_CHARSETS)
            .build())
        .addMethod(MethodSpec.methodBuilder("decodeRow")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(row)
            .addParameter(String.class, "text")
            .addStatement("$T json = $T.parse(text.getBytes($T.UTF_8))", TypeNames.JSON_VALUE, TypeNames.JSON_VALUE,
                TypeNames.STANDARD_CHARSETS)
            .addStatement("return new $T($>$L$<)", row, fields.readFields(view.fields()))
            .build());
    lookups(view, type, keyType, row);
    return Optional.of(context.mark(type).build());
  }

  /**
   * For each lookup: a constant {@code LOOKUP_<FIELD>} giving a row's values as text (as keys are
   * written), {@code lookups()} listing them, and a typed finder {@code by<Field>(store, key)}.
   */
  /**
   * A lookup's version: a fingerprint of the field's type and the code that writes its values, so
   * a durable view store rebuilds the lookup's index when either changes (see {@code Lookup}).
   */
  static String fingerprint(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private void lookups(ViewDef view, TypeSpec.Builder type, TypeName keyType, ClassName row) {
    if (view.lookups().isEmpty()) {
      return;
    }
    TypeName lookupType = ParameterizedTypeName.get(TypeNames.LOOKUP, row);
    List<String> constants = new ArrayList<>();
    for (Reference lookup : view.lookups()) {
      Field field = view.fields().stream().filter(f -> f.name().equals(lookup.name())).findFirst().orElseThrow();
      boolean several = field.type() instanceof TypeRef.ListOf || field.type() instanceof TypeRef.OptionalOf;
      TypeRef element = field.type() instanceof TypeRef.ListOf list ? list.element()
          : field.type() instanceof TypeRef.OptionalOf optional ? optional.element() : field.type();
      KeyText text = keyText(element).orElseThrow();
      String constant = "LOOKUP_" + upperSnake(lookup.name());
      constants.add(constant);
      boolean asIs = text.encode().toString().equals("key");
      CodeBlock values;
      if (field.type() instanceof TypeRef.ListOf && asIs) {
        values = CodeBlock.of("row -> row.$N()", lookup.name());
      } else if (several) {
        values = CodeBlock.of("row -> row.$N().stream()$L.toList()", lookup.name(),
            asIs ? CodeBlock.of("") : CodeBlock.of(".map(key -> $L)", text.encode()));
      } else if (asIs) {
        values = CodeBlock.of("row -> $T.of(row.$N())", TypeNames.LIST, lookup.name());
      } else {
        values = CodeBlock.of("row -> $T.of(row.$N()).stream().map(key -> $L).toList()", TypeNames.LIST,
            lookup.name(), text.encode());
      }
      type.addField(FieldSpec.builder(lookupType, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L", Docs.javadoc(1, "Rows by {@code " + lookup.name() + "} (listed at "
              + Docs.text(lookup.position()) + ")" + (several ? ", one value per element." : ".")))
          .initializer("new $T<>($S,$W$L,$W$S)", TypeNames.LOOKUP, lookup.name(), values,
              fingerprint(field.type() + " " + values))
          .build());
      type.addMethod(MethodSpec.methodBuilder("by" + Character.toUpperCase(lookup.name().charAt(0))
              + lookup.name().substring(1))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addJavadoc("$L", Docs.javadoc(1, "The rows of {@code store} whose {@code " + lookup.name()
              + "} " + (several ? "holds" : "is") + " {@code key}, in the order they were first stored."))
          .returns(ParameterizedTypeName.get(TypeNames.MAP, keyType, row))
          .addParameter(ParameterizedTypeName.get(TypeNames.VIEW_STORE, keyType, row), "store")
          .addParameter(context.types().of(element).box(), "key")
          .addStatement("return store.lookup($N,$W$L)", constant, text.encode())
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("lookups")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(TypeNames.LIST, lookupType))
        .addStatement("return $T.of($L)", TypeNames.LIST, String.join(", ", constants))
        .build());
  }

  private static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  /** How a key becomes text and back: expressions over {@code key} and {@code text}. */
  private record KeyText(CodeBlock encode, CodeBlock decode) {}

  private Optional<KeyText> keyText(TypeRef type) {
    if (type instanceof TypeRef.Builtin builtin) {
      return Optional.of(builtinText(builtin.type(), CodeBlock.of("key"), CodeBlock.of("text")));
    }
    if (type instanceof TypeRef.Named named) {
      ClassName target = context.names().element(named.name());
      ValueType declared = context.types().named(named.name());
      if (declared instanceof ValueType.Enumeration) {
        return Optional.of(new KeyText(CodeBlock.of("key.name()"), CodeBlock.of("$T.valueOf(text)", target)));
      }
      KeyText base = builtinText(((ValueType.Wrapper) declared).base(), CodeBlock.of("key.value()"), CodeBlock.of("text"));
      return Optional.of(new KeyText(base.encode(), CodeBlock.of("new $T($L)", target, base.decode())));
    }
    return Optional.empty();
  }

  private static KeyText builtinText(BuiltinType type, CodeBlock key, CodeBlock text) {
    switch (type) {
      case STRING:
        return new KeyText(key, text);
      case INT:
        return new KeyText(CodeBlock.of("$T.toString($L)", Integer.class, key), CodeBlock.of("$T.parseInt($L)", Integer.class, text));
      case LONG:
        return new KeyText(CodeBlock.of("$T.toString($L)", Long.class, key), CodeBlock.of("$T.parseLong($L)", Long.class, text));
      case DECIMAL:
        // One text per amount: 1.5 and 1.50 are the same key.
        return new KeyText(CodeBlock.of("$L.stripTrailingZeros().toPlainString()", key),
            CodeBlock.of("new $T($L)", TypeNames.BIG_DECIMAL, text));
      case BOOLEAN:
        return new KeyText(CodeBlock.of("$T.toString($L)", Boolean.class, key),
            CodeBlock.of("$T.parseBoolean($L)", Boolean.class, text));
      case UUID:
        return new KeyText(CodeBlock.of("$L.toString()", key), CodeBlock.of("$T.fromString($L)", TypeNames.UUID, text));
      case INSTANT:
        return new KeyText(CodeBlock.of("$L.toString()", key), CodeBlock.of("$T.parse($L)", TypeNames.INSTANT, text));
      case DATE:
        return new KeyText(CodeBlock.of("$L.toString()", key), CodeBlock.of("$T.parse($L)", TypeNames.LOCAL_DATE, text));
      default:
        throw new IllegalArgumentException("unmapped built-in type " + type);
    }
  }
}
