package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
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
    return Optional.of(context.mark(type).build());
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
