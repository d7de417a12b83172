package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.Field;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the sealed interfaces that group one aggregate's events, commands and rejections, so that
 * a dispatch over them is checked for completeness by the compiler.
 */
final class AggregateEmitter {

  private final Context context;

  AggregateEmitter(Context context) {
    this.context = context;
  }

  List<TypeSpec> emit(AggregateDef aggregate) {
    return List.of(events(aggregate), commands(aggregate), rejections(aggregate));
  }

  private TypeSpec events(AggregateDef aggregate) {
    Names names = context.names();
    List<ClassName> permitted = new ArrayList<>();
    for (EventDef event : context.model().eventsOf(aggregate.name())) {
      permitted.add(names.element(event.name()));
    }
    for (CommandDef command : context.model().commandsOf(aggregate.name())) {
      permitted.add(names.emits(command.name()));
    }
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.aggregateEvent(aggregate.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Docs.javadoc(0, "The events of aggregate {@code " + aggregate.name() + "}, declared at "
            + Docs.text(aggregate.position()) + "."))
        .addSuperinterface(TypeNames.EVENT);
    sealedOrOpen(type, permitted);
    addStreamIdentity(type, aggregate, context.model().eventsOf(aggregate.name()).stream().findFirst()
        .map(e -> idField(e.fields(), aggregate)).orElse(null));
    return context.mark(type).build();
  }

  private TypeSpec commands(AggregateDef aggregate) {
    Names names = context.names();
    List<ClassName> permitted = new ArrayList<>();
    for (CommandDef command : context.model().commandsOf(aggregate.name())) {
      permitted.add(names.element(command.name()));
    }
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.aggregateCommand(aggregate.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Docs.javadoc(0, "The commands of aggregate {@code " + aggregate.name() + "}, declared at "
            + Docs.text(aggregate.position()) + "."))
        .addSuperinterface(TypeNames.COMMAND);
    sealedOrOpen(type, permitted);
    addStreamIdentity(type, aggregate, context.model().commandsOf(aggregate.name()).stream().findFirst()
        .map(c -> idField(c.fields(), aggregate)).orElse(null));
    return context.mark(type).build();
  }

  private TypeSpec rejections(AggregateDef aggregate) {
    Names names = context.names();
    List<ClassName> permitted = new ArrayList<>();
    context.rejectionsOf(aggregate.name()).keySet().forEach(name -> permitted.add(names.element(name)));
    for (CommandDef command : context.model().commandsOf(aggregate.name())) {
      if (!command.rejects().isEmpty()) {
        permitted.add(names.rejects(command.name()));
      }
    }
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.aggregateRejection(aggregate.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", Docs.javadoc(0, "The reasons why aggregate {@code " + aggregate.name()
            + "} may refuse a command."))
        .addSuperinterface(TypeNames.REJECTION);
    sealedOrOpen(type, permitted);
    return context.mark(type).build();
  }

  /** Sealed when there is something to permit; Java has no empty sealed hierarchy. */
  private static void sealedOrOpen(TypeSpec.Builder type, List<ClassName> permitted) {
    if (!permitted.isEmpty()) {
      type.addModifiers(Modifier.SEALED).addPermittedSubclasses(permitted);
    }
  }

  /** Every member has the aggregate's id field; the stream is named after it. */
  private void addStreamIdentity(TypeSpec.Builder type, AggregateDef aggregate, Field idField) {
    if (idField == null) {
      return;
    }
    TypeName idType = context.types().of(idField.type());
    type.addMethod(MethodSpec.methodBuilder(aggregate.idField())
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("$L", Docs.javadoc(1, "The id of the {@code " + aggregate.name() + "} this is about."))
            .returns(idType)
            .build())
        .addMethod(MethodSpec.methodBuilder("streamId")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .returns(TypeNames.STREAM_ID)
            .addStatement("return $T.of($S,$W$N())", TypeNames.STREAM_ID, aggregate.name(), aggregate.idField())
            .build());
  }

  private static Field idField(List<Field> fields, AggregateDef aggregate) {
    return fields.stream()
        .filter(f -> f.name().equals(aggregate.idField()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("validated model lacks id field " + aggregate.idField()));
  }
}
