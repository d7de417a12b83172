package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits the model's command codec ({@code <Model>CommandCodec}): commands read from and written to
 * JSON, and rejections written, with the same field code as the event codec and no reflection, for
 * code that takes commands from outside (the HTTP module). Every refusal names the field.
 */
final class CommandCodecEmitter {

  private static final ClassName COMMAND = TypeNames.COMMAND;
  private static final ClassName REJECTION = TypeNames.REJECTION;
  private static final ClassName COMMAND_CODEC = TypeNames.COMMAND_CODEC;
  private static final ClassName COMMAND_INPUT = TypeNames.COMMAND_INPUT;
  private static final ClassName CODEC_EXCEPTION = TypeNames.CODEC_EXCEPTION;

  private final Context context;
  private final CodecEmitter fields;

  CommandCodecEmitter(Context context, CodecEmitter fields) {
    this.context = context;
    this.fields = fields;
  }

  TypeSpec emit() {
    Names names = context.names();
    ClassName self = names.commandCodec();
    String model = context.model().name();
    List<CommandDef> commands = context.model().commands();
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(COMMAND_CODEC)
        .addJavadoc("Reads and writes the commands of model\n{@code $L}\nas JSON, and writes its rejections.\n", model)
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), "COMMANDS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.unmodifiableSortedSet(new $T<>($T.of($L)))", Collections.class, TreeSet.class,
                List.class, quoted(commands.stream().map(CommandDef::name).toList()))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("commands")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(Set.class, String.class))
            .addStatement("return COMMANDS")
            .build());

    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(COMMAND)
        .addParameter(String.class, "command")
        .addParameter(byte[].class, "json")
        .beginControlFlow("switch (command)");
    MethodSpec.Builder encode = MethodSpec.methodBuilder("encode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(byte[].class)
        .addParameter(COMMAND, "command");
    for (CommandDef command : commands) {
      ClassName record = names.element(command.name());
      decode.addCode("case $S:\n", command.name()).addStatement("$>return read$L(json)$<", command.name());
      encode.beginControlFlow("if (command instanceof $T c)", record)
          .addCode(fields.writeFields(command.fields(), "c"))
          .addStatement("return json.toBytes()")
          .endControlFlow();
      type.addMethod(readMethod(command));
    }
    decode.addCode("default:\n")
        .addStatement("$>throw $T.unknown($S, command, COMMANDS)$<", COMMAND_INPUT, model)
        .endControlFlow();
    encode.addStatement("throw new $T($S$W+ $S$W+ command.getClass().getName())", CODEC_EXCEPTION,
        "not a command of model ", model + ": ");
    type.addMethod(decode.build()).addMethod(encode.build());
    rejections(type);
    return context.mark(type).build();
  }

  private MethodSpec readMethod(CommandDef command) {
    ClassName record = context.names().element(command.name());
    List<String> names = command.fields().stream().map(Field::name).toList();
    MethodSpec.Builder read = MethodSpec.methodBuilder("read" + command.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record)
        .addParameter(byte[].class, "data")
        .addStatement("$T in = $T.of($S,$Wdata$L)", COMMAND_INPUT, COMMAND_INPUT, command.name(),
            names.isEmpty() ? CodeBlock.of("") : CodeBlock.of(",$W$L", quoted(names)));
    List<String> arguments = new ArrayList<>();
    for (Field field : command.fields()) {
      String local = "f" + arguments.size();
      // readFields reads a field from the object `json`: here that is the lambda's parameter.
      read.addStatement("$T $N = in.<$T>field($S,$Wjson -> $L)", context.types().of(field.type()), local,
          context.types().of(field.type()).box(), field.name(),
          fields.readField(field));
      arguments.add(local);
    }
    return read.addStatement("return in.build(() -> new $T($L))", record, String.join(", ", arguments)).build();
  }

  private void rejections(TypeSpec.Builder type) {
    MethodSpec.Builder name = MethodSpec.methodBuilder("rejectionName")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addParameter(REJECTION, "rejection");
    MethodSpec.Builder encode = MethodSpec.methodBuilder("encodeRejection")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(byte[].class)
        .addParameter(REJECTION, "rejection");
    for (AggregateDef aggregate : context.model().aggregates()) {
      for (Context.SharedRejection shared : context.rejectionsOf(aggregate.name()).values()) {
        ClassName record = context.names().element(shared.definition().name());
        name.beginControlFlow("if (rejection instanceof $T)", record)
            .addStatement("return $S", shared.definition().name())
            .endControlFlow();
        encode.beginControlFlow("if (rejection instanceof $T r)", record)
            .addCode(fields.writeFields(shared.definition().fields(), "r"))
            .addStatement("return json.toBytes()")
            .endControlFlow();
      }
    }
    String model = context.model().name() + ": ";
    String notOurs = "throw new $T($S$W+ $S$W+ rejection.getClass().getName())";
    name.addStatement(notOurs, CODEC_EXCEPTION, "not a rejection of model ", model);
    encode.addStatement(notOurs, CODEC_EXCEPTION, "not a rejection of model ", model);
    type.addMethod(name.build()).addMethod(encode.build());
  }

  private static CodeBlock quoted(List<String> values) {
    List<CodeBlock> literals = values.stream().map(v -> CodeBlock.of("$S", v)).toList();
    return CodeBlock.join(literals, ",$W");
  }
}
