package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Emits the records of events, commands, rejections and view rows. */
final class MessageEmitter {

  private final Context context;

  MessageEmitter(Context context) {
    this.context = context;
  }

  TypeSpec event(EventDef event) {
    Names names = context.names();
    TypeSpec.Builder record = context.records().record(names.element(event.name()), event.fields())
        .addJavadoc("$L", Docs.javadoc(0, "The event {@code " + event.name() + "} (stored as {@code "
            + Docs.text(event.storedName()) + "}, schema version " + event.version() + "), declared at "
            + Docs.text(event.position()) + "."))
        .addSuperinterface(names.aggregateEvent(event.aggregate()))
        .addField(FieldSpec.builder(String.class, "STORED_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("$L", Docs.javadoc(1,
                "The name this event is stored under; it never changes with the Java type's name."))
            .initializer("$L", Literals.string(event.storedName()))
            .build())
        .addField(FieldSpec.builder(int.class, "VERSION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("$L", Docs.javadoc(1, "The current schema version; older stored versions are upcast when read."))
            .initializer("$L", event.version())
            .build());
    for (CommandDef command : context.model().commandsOf(event.aggregate())) {
      if (command.emits().stream().anyMatch(e -> e.name().equals(event.name()))) {
        record.addSuperinterface(names.emits(command.name()));
      }
    }
    return context.mark(record).build();
  }

  TypeSpec command(CommandDef command) {
    Names names = context.names();
    List<ClassName> emitted = new ArrayList<>();
    command.emits().forEach(e -> emitted.add(names.element(e.name())));
    TypeSpec emits = TypeSpec.interfaceBuilder(names.emits(command.name()))
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("$L", Docs.javadoc(1, "The events {@code " + command.name() + "} may emit."))
        .addSuperinterface(names.aggregateEvent(command.aggregate()))
        .addPermittedSubclasses(emitted)
        .build();
    TypeSpec.Builder record = context.records().record(names.element(command.name()), command.fields())
        .addJavadoc("$L", Docs.javadoc(0, "The command {@code " + command.name() + "} to aggregate {@code "
            + command.aggregate() + "}, declared at " + Docs.text(command.position()) + "."))
        .addSuperinterface(names.aggregateCommand(command.aggregate()))
        .addType(emits);
    context.model().automations().stream()
        .filter(a -> a.issues().stream().anyMatch(c -> c.name().equals(command.name())))
        .forEach(a -> record.addSuperinterface(names.issues(a.name())));
    if (!command.rejects().isEmpty()) {
      List<ClassName> rejections = new ArrayList<>();
      command.rejects().forEach(r -> rejections.add(names.element(r.name())));
      record.addType(TypeSpec.interfaceBuilder(names.rejects(command.name()))
          .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
          .addJavadoc("$L", Docs.javadoc(1, "The rejections {@code " + command.name() + "} may give."))
          .addSuperinterface(names.aggregateRejection(command.aggregate()))
          .addPermittedSubclasses(rejections)
          .build());
    }
    return context.mark(record).build();
  }

  TypeSpec rejection(String aggregate, Context.SharedRejection shared) {
    Names names = context.names();
    TypeSpec.Builder record = context.records()
        .record(names.element(shared.definition().name()), shared.definition().fields())
        .addJavadoc("$L", Docs.javadoc(0, "The rejection {@code " + shared.definition().name() + "} of aggregate {@code "
            + aggregate + "}, declared at " + Docs.text(shared.definition().position()) + "."))
        .addSuperinterface(names.aggregateRejection(aggregate));
    shared.commands().forEach(command -> record.addSuperinterface(names.rejects(command.simpleName())));
    return context.mark(record).build();
  }

  TypeSpec view(ViewDef view) {
    TypeSpec.Builder record = context.records().record(context.names().element(view.name()), view.fields())
        .addJavadoc("$L", Docs.javadoc(0, "One row of the view {@code " + view.name() + "}, "
            + (view.singleRow() ? "its only row" : "keyed by {@code " + view.key() + "}") + ", declared at "
            + Docs.text(view.position()) + "."));
    return context.mark(record).build();
  }
}
