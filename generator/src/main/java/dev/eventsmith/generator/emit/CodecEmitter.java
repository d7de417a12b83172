package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventsmith.spec.model.BuiltinType;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.TypeRef;
import dev.eventsmith.spec.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the model's JSON codec and its registry of stored type names: plain code per event type,
 * no reflection and no polymorphic deserialization, so what can be read is exactly what the model
 * declares.
 */
final class CodecEmitter {

  private final Context context;
  private final UpcastCode upcasters;

  CodecEmitter(Context context) {
    this.context = context;
    this.upcasters = new UpcastCode(context);
  }

  private List<EventDef> eventsByStoredName() {
    List<EventDef> events = new ArrayList<>(context.model().events());
    events.sort(Comparator.comparing(EventDef::storedName));
    return events;
  }

  TypeSpec eventTypes() {
    Names names = context.names();
    ClassName self = names.eventTypes();
    TypeName classOfEvent = ParameterizedTypeName.get(ClassName.get(Class.class),
        WildcardTypeName.subtypeOf(TypeNames.EVENT));
    TypeName classes = ParameterizedTypeName.get(TypeNames.MAP, ClassName.get(String.class), classOfEvent);
    TypeName versions = ParameterizedTypeName.get(TypeNames.MAP, ClassName.get(String.class),
        ClassName.get(Integer.class));
    CodeBlock.Builder classesInit = CodeBlock.builder().add("$T.unmodifiableMap(new $T<>($T.ofEntries(",
        TypeNames.COLLECTIONS, TypeNames.TREE_MAP, TypeNames.MAP);
    CodeBlock.Builder versionsInit = CodeBlock.builder().add("$T.unmodifiableMap(new $T<>($T.ofEntries(",
        TypeNames.COLLECTIONS, TypeNames.TREE_MAP, TypeNames.MAP);
    List<EventDef> events = eventsByStoredName();
    for (int i = 0; i < events.size(); i++) {
      EventDef event = events.get(i);
      String separator = i + 1 < events.size() ? "," : "";
      ClassName type = names.element(event.name());
      classesInit.add("\n    $T.entry($T.STORED_NAME,$W$T.class)$L", TypeNames.MAP, type, type, separator);
      versionsInit.add("\n    $T.entry($T.STORED_NAME,$W$T.VERSION)$L", TypeNames.MAP, type, type, separator);
    }
    classesInit.add(")))");
    versionsInit.add(")))");
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L", Docs.javadoc(0, "The stored type names of model {@code " + context.model().name()
            + "}'s events, with their classes and current versions."))
        .addField(FieldSpec.builder(classes, "CLASSES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("$L", Docs.javadoc(1, "Event class by stored type name, sorted by name."))
            .initializer(classesInit.build())
            .build())
        .addField(FieldSpec.builder(versions, "VERSIONS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("$L", Docs.javadoc(1, "Current schema version by stored type name, sorted by name."))
            .initializer(versionsInit.build())
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    return context.mark(type).build();
  }

  TypeSpec codec() {
    Names names = context.names();
    ClassName self = names.codec();
    CodeBlock model = Literals.string(context.model().name());
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(TypeNames.EVENT_CODEC)
        .addJavadoc("$L", Docs.javadoc(0, "Reads and writes the events of model {@code " + context.model().name()
            + "} as JSON."))
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("$L", Docs.javadoc(1, "The codec with the model's declared upcasts only."))
            .initializer("new $T($T.of())", self, TypeNames.MAP)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(TypeNames.SET, ClassName.get(String.class)), "TYPES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.unmodifiableSortedSet($Wnew $T<>($T.CLASSES.keySet()))",
                TypeNames.COLLECTIONS, TypeNames.TREE_SET, names.eventTypes())
            .build())
        .addField(upcasters.field())
        .addMethod(upcasters.constructor())
        .addMethod(upcasters.withUpcasters(self))
        .addMethod(upcasters.step());

    MethodSpec.Builder encode = MethodSpec.methodBuilder("encode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.ENCODED_EVENT)
        .addParameter(TypeNames.EVENT, "event")
        .addStatement("$T.requireNonNull(event, $S)", TypeNames.OBJECTS, "event");
    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.EVENT)
        .addParameter(String.class, "type")
        .addParameter(int.class, "schemaVersion")
        .addParameter(byte[].class, "data")
        .beginControlFlow("switch (type)");
    for (EventDef event : eventsByStoredName()) {
      ClassName eventType = names.element(event.name());
      String writer = "write" + event.name();
      String reader = "read" + event.name();
      encode.beginControlFlow("if (event instanceof $T e)", eventType)
          .addStatement("return new $T($T.STORED_NAME,$W$T.VERSION,$W$N(e))",
              TypeNames.ENCODED_EVENT, eventType, eventType, writer)
          .endControlFlow();
      decode.addCode("case $L:\n", Literals.string(event.storedName()))
          .addStatement("$>return $N(schemaVersion, data)$<", reader);
      type.addMethod(writeMethod(event, writer)).addMethod(readMethod(event, reader));
      upcasters.declaredSteps(event).ifPresent(type::addMethod);
    }
    encode.addStatement("throw $T.notAnEvent($L, event)", TypeNames.CODEC_CHECKS, model);
    decode.addCode("default:\n")
        .addStatement("$>throw $T.unknownType($L, type, TYPES)$<", TypeNames.CODEC_CHECKS, model)
        .endControlFlow();
    type.addMethod(encode.build())
        .addMethod(decode.build())
        .addMethod(MethodSpec.methodBuilder("types")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(TypeNames.SET, ClassName.get(String.class)))
            .addStatement("return TYPES")
            .build());
    return context.mark(type).build();
  }

  private MethodSpec writeMethod(EventDef event, String name) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(byte[].class)
        .addParameter(context.names().element(event.name()), "event")
        .addCode(writeFields(event.fields(), "event"))
        .addStatement("return json.toBytes()")
        .build();
  }

  /** Statements that write every field of the record in {@code receiver} into a new {@code json} writer. */
  CodeBlock writeFields(List<Field> fields, String receiver) {
    return writeValues(fields, fields.stream().map(f -> CodeBlock.of("$N.$N()", receiver, f.name())).toList());
  }

  /** Statements that write {@code values}, one per field of {@code fields}, into a new {@code json} writer. */
  CodeBlock writeValues(List<Field> fields, List<CodeBlock> values) {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("$T json = $T.object()", TypeNames.JSON_WRITER, TypeNames.JSON_WRITER);
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      CodeBlock value = values.get(i);
      if (field.type() instanceof TypeRef.OptionalOf optional) {
        code.beginControlFlow("if ($L.isPresent())", value)
            .addStatement("json.field($S)", field.name())
            .add(write(optional.element(), CodeBlock.of("$L.get()", value), 0))
            .endControlFlow();
      } else {
        code.addStatement("json.field($S)", field.name()).add(write(field.type(), value, 0));
      }
    }
    return code.build();
  }

  /** Statements that write {@code value} of {@code type} as the next JSON value. */
  private CodeBlock write(TypeRef type, CodeBlock value, int depth) {
    if (type instanceof TypeRef.Builtin builtin) {
      return CodeBlock.of("json.$N($L);\n", jsonMethod(builtin.type()), value);
    }
    if (type instanceof TypeRef.Named named) {
      ValueType declared = context.types().named(named.name());
      if (declared instanceof ValueType.Enumeration) {
        return CodeBlock.of("json.string($L.name());\n", value);
      }
      return CodeBlock.of("json.$N($L.value());\n", jsonMethod(((ValueType.Wrapper) declared).base()), value);
    }
    String var = "e" + depth;
    if (type instanceof TypeRef.ListOf list) {
      TypeName element = context.types().of(list.element()).box();
      return CodeBlock.builder()
          .addStatement("json.startArray()")
          .beginControlFlow("for ($T $N : $L)", element, var, value)
          .add(write(list.element(), CodeBlock.of("$N", var), depth + 1))
          .endControlFlow()
          .addStatement("json.endArray()")
          .build();
    }
    TypeRef.OptionalOf optional = (TypeRef.OptionalOf) type;
    return CodeBlock.builder()
        .beginControlFlow("if ($L.isPresent())", value)
        .add(write(optional.element(), CodeBlock.of("$L.get()", value), depth + 1))
        .nextControlFlow("else")
        .addStatement("json.nullValue()")
        .endControlFlow()
        .build();
  }

  private MethodSpec readMethod(EventDef event, String name) {
    ClassName eventType = context.names().element(event.name());
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE)
        .returns(eventType)
        .addParameter(int.class, "schemaVersion")
        .addParameter(byte[].class, "data")
        .addStatement("$T.checkVersion($T.STORED_NAME,$WschemaVersion,$W$T.VERSION)", TypeNames.CODEC_CHECKS,
            eventType, eventType)
        .addStatement("$T json = $T.parseStored(data)", TypeNames.JSON_VALUE, TypeNames.JSON_VALUE);
    if (event.version() > 1) {
      method.beginControlFlow("for (int version = schemaVersion; version < $T.VERSION; version++)", eventType)
          .addStatement("json = upcastStep($T.STORED_NAME,$Wversion,$Wjson)", eventType)
          .endControlFlow();
    }
    return method.beginControlFlow("try")
        .addStatement("return new $T($>$L$<)", eventType, readFields(event.fields()))
        .nextControlFlow("catch ($T | $T e)", IllegalArgumentException.class, NullPointerException.class)
        .addStatement("throw $T.doesNotFit($T.STORED_NAME, e)", TypeNames.CODEC_CHECKS, eventType)
        .endControlFlow()
        .build();
  }

  /** The constructor arguments that read every field from the JsonValue {@code json}, one per line. */
  CodeBlock readFields(List<Field> fields) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      arguments.add(i == 0 ? "\n" : ",\n").add(readField(field));
    }
    return arguments.build();
  }

  /** An expression that reads {@code field} from the JsonValue {@code json}. */
  CodeBlock readField(Field field) {
    if (field.type() instanceof TypeRef.OptionalOf optional) {
      return CodeBlock.of("json.find($S)$Z.map(v0 -> $L)", field.name(), read(optional.element(), CodeBlock.of("v0"), 1));
    }
    return read(field.type(), CodeBlock.of("json.get($S)", field.name()), 0);
  }

  /** An expression that reads {@code json} (a JsonValue expression) as {@code type}. */
  private CodeBlock read(TypeRef type, CodeBlock json, int depth) {
    if (type instanceof TypeRef.Builtin builtin) {
      return CodeBlock.of("$L.$N()", json, jsonMethod(builtin.type()));
    }
    if (type instanceof TypeRef.Named named) {
      ClassName target = context.names().element(named.name());
      ValueType declared = context.types().named(named.name());
      if (declared instanceof ValueType.Enumeration) {
        return CodeBlock.of("$T.valueOf($L.string())", target, json);
      }
      return CodeBlock.of("new $T($L.$N())", target, json, jsonMethod(((ValueType.Wrapper) declared).base()));
    }
    String var = "v" + (depth + 1);
    if (type instanceof TypeRef.ListOf list) {
      return CodeBlock.of("$L.elements().stream()$Z.map($N -> $L)$Z.toList()",
          json, var, read(list.element(), CodeBlock.of("$N", var), depth + 1));
    }
    TypeRef.OptionalOf optional = (TypeRef.OptionalOf) type;
    return CodeBlock.of("($L.isNull()$W? $T.empty()$W: $T.of($L))", json, TypeNames.OPTIONAL,
        TypeNames.OPTIONAL, read(optional.element(), json, depth + 1));
  }

  /** The JsonWriter and JsonValue method of a built-in type: the two APIs use the same names. */
  private static String jsonMethod(BuiltinType type) {
    switch (type) {
      case STRING:
        return "string";
      case INT:
        return "int32";
      case LONG:
        return "int64";
      case DECIMAL:
        return "decimal";
      case BOOLEAN:
        return "bool";
      case UUID:
        return "uuid";
      case INSTANT:
        return "instant";
      case DATE:
        return "date";
      default:
        throw new IllegalArgumentException("unmapped built-in type " + type);
    }
  }
}
