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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits the model's JSON codec and its registry of stored type names: plain code per event type,
 * no reflection and no polymorphic deserialization, so what can be read is exactly what the model
 * declares.
 */
final class CodecEmitter {

  private static final ClassName EVENT = ClassName.get("dev.eventsmith.runtime", "Event");
  private static final ClassName EVENT_CODEC = ClassName.get("dev.eventsmith.runtime.codec", "EventCodec");
  private static final ClassName ENCODED = ClassName.get("dev.eventsmith.runtime.codec", "EncodedEvent");
  private static final ClassName CODEC_EXCEPTION = ClassName.get("dev.eventsmith.runtime.codec", "CodecException");
  private static final ClassName JSON_WRITER = ClassName.get("dev.eventsmith.runtime.codec", "JsonWriter");
  private static final ClassName JSON_VALUE = ClassName.get("dev.eventsmith.runtime.codec", "JsonValue");

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
    TypeName classOfEvent = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(EVENT));
    TypeName classes = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), classOfEvent);
    TypeName versions = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
        ClassName.get(Integer.class));
    CodeBlock.Builder classesInit = CodeBlock.builder().add("$T.unmodifiableMap(new $T<>($T.ofEntries(",
        Collections.class, TreeMap.class, Map.class);
    CodeBlock.Builder versionsInit = CodeBlock.builder().add("$T.unmodifiableMap(new $T<>($T.ofEntries(",
        Collections.class, TreeMap.class, Map.class);
    List<EventDef> events = eventsByStoredName();
    for (int i = 0; i < events.size(); i++) {
      EventDef event = events.get(i);
      String separator = i + 1 < events.size() ? "," : "";
      ClassName type = names.element(event.name());
      classesInit.add("\n    $T.entry($T.STORED_NAME, $T.class)$L", Map.class, type, type, separator);
      versionsInit.add("\n    $T.entry($T.STORED_NAME, $T.VERSION)$L", Map.class, type, type, separator);
    }
    classesInit.add(")))");
    versionsInit.add(")))");
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The stored type names of model {@code $L}'s events, with their classes and current versions.\n",
            context.model().name())
        .addField(FieldSpec.builder(classes, "CLASSES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Event class by stored type name, sorted by name.\n")
            .initializer(classesInit.build())
            .build())
        .addField(FieldSpec.builder(versions, "VERSIONS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Current schema version by stored type name, sorted by name.\n")
            .initializer(versionsInit.build())
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    return context.mark(type).build();
  }

  TypeSpec codec() {
    Names names = context.names();
    ClassName self = names.codec();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(EVENT_CODEC)
        .addJavadoc("Reads and writes the events of model {@code $L} as JSON.\n", context.model().name())
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The codec with the model's declared upcasts only.\n")
            .initializer("new $T($T.of())", self, Map.class)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), "TYPES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.unmodifiableSortedSet(new $T<>($T.CLASSES.keySet()))",
                Collections.class, TreeSet.class, names.eventTypes())
            .build())
        .addField(upcasters.field())
        .addMethod(upcasters.constructor())
        .addMethod(upcasters.withUpcasters(self))
        .addMethod(upcasters.step());

    MethodSpec.Builder encode = MethodSpec.methodBuilder("encode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ENCODED)
        .addParameter(EVENT, "event")
        .addStatement("$T.requireNonNull(event, $S)", Objects.class, "event");
    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(EVENT)
        .addParameter(String.class, "type")
        .addParameter(int.class, "schemaVersion")
        .addParameter(byte[].class, "data")
        .beginControlFlow("switch (type)");
    for (EventDef event : eventsByStoredName()) {
      ClassName eventType = names.element(event.name());
      String writer = "write" + event.name();
      String reader = "read" + event.name();
      encode.beginControlFlow("if (event instanceof $T)", eventType)
          .addStatement("return new $T($T.STORED_NAME, $T.VERSION, $N(($T) event))",
              ENCODED, eventType, eventType, writer, eventType)
          .endControlFlow();
      decode.addCode("case $S:\n", event.storedName()).addStatement("$>return $N(schemaVersion, data)$<", reader);
      type.addMethod(writeMethod(event, writer)).addMethod(readMethod(event, reader));
      upcasters.declaredSteps(event).ifPresent(type::addMethod);
    }
    encode.addStatement("throw new $T($S + event.getClass().getName())", CODEC_EXCEPTION,
        "not an event of model " + context.model().name() + ": ");
    decode.addCode("default:\n")
        .addStatement("$>throw new $T($S + type + $S + TYPES)$<", CODEC_EXCEPTION, "unknown event type '",
            "' for model " + context.model().name() + "; known types: ")
        .endControlFlow();
    type.addMethod(encode.build())
        .addMethod(decode.build())
        .addMethod(MethodSpec.methodBuilder("types")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(Set.class, String.class))
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
    CodeBlock.Builder code = CodeBlock.builder().addStatement("$T json = $T.object()", JSON_WRITER, JSON_WRITER);
    for (Field field : fields) {
      CodeBlock value = CodeBlock.of("$N.$N()", receiver, field.name());
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
        .beginControlFlow("if (schemaVersion < 1 || schemaVersion > $T.VERSION)", eventType)
        .addStatement("throw new $T($S + schemaVersion + $S + $T.VERSION + $S)", CODEC_EXCEPTION,
            event.storedName() + " was stored at schema version ", ", but this code knows versions 1 to ",
            eventType, ": deploy code built from the newer model")
        .endControlFlow()
        .addStatement("$T json = $T.parse(data)", JSON_VALUE, JSON_VALUE);
    if (event.version() > 1) {
      method.beginControlFlow("for (int version = schemaVersion; version < $T.VERSION; version++)", eventType)
          .addStatement("json = upcastStep($T.STORED_NAME, version, json)", eventType)
          .endControlFlow();
    }
    return method.beginControlFlow("try")
        .addStatement("return new $T($>$L$<)", eventType, readFields(event.fields()))
        .nextControlFlow("catch ($T | $T e)", IllegalArgumentException.class, NullPointerException.class)
        .addStatement("throw new $T($S + e.getMessage(), e)", CODEC_EXCEPTION,
            "stored " + event.storedName() + " does not fit the model: ")
        .endControlFlow()
        .build();
  }

  /** The constructor arguments that read every field from the JsonValue {@code json}, one per line. */
  CodeBlock readFields(List<Field> fields) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      arguments.add(i == 0 ? "\n" : ",\n");
      if (field.type() instanceof TypeRef.OptionalOf optional) {
        arguments.add("json.find($S).map(v0 -> $L)", field.name(), read(optional.element(), CodeBlock.of("v0"), 1));
      } else {
        arguments.add("$L", read(field.type(), CodeBlock.of("json.get($S)", field.name()), 0));
      }
    }
    return arguments.build();
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
      return CodeBlock.of("$L.elements().stream().map($N -> $L).toList()",
          json, var, read(list.element(), CodeBlock.of("$N", var), depth + 1));
    }
    TypeRef.OptionalOf optional = (TypeRef.OptionalOf) type;
    return CodeBlock.of("($L.isNull() ? $T.empty() : $T.of($L))", json, java.util.Optional.class,
        java.util.Optional.class, read(optional.element(), json, depth + 1));
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
