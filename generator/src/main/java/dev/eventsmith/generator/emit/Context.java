package dev.eventsmith.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.RejectionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every emitter of one model needs: the model, its names and types, and the model file's label. */
final class Context {

  private final EventModel model;
  private final Names names;
  private final JavaTypes types;
  private final RecordBodies records;
  private final String modelFile;

  Context(EventModel model, String modelFile) {
    this.model = model;
    this.names = new Names(model);
    this.types = new JavaTypes(model, names);
    this.records = new RecordBodies(types);
    this.modelFile = modelFile;
  }

  EventModel model() {
    return model;
  }

  Names names() {
    return names;
  }

  JavaTypes types() {
    return types;
  }

  RecordBodies records() {
    return records;
  }

  String modelFile() {
    return modelFile;
  }

  TypeSpec.Builder mark(TypeSpec.Builder type) {
    return Annotations.mark(type, modelFile);
  }

  /**
   * The rejections of one aggregate, by name in first-declaration order, each with the commands
   * that may give it. A name shared by several commands is one type (the validator checked that
   * their fields agree).
   */
  Map<String, SharedRejection> rejectionsOf(String aggregate) {
    Map<String, SharedRejection> rejections = new LinkedHashMap<>();
    model.commandsOf(aggregate).forEach(command -> command.rejects().forEach(rejection ->
        rejections.computeIfAbsent(rejection.name(), n -> new SharedRejection(rejection, new ArrayList<>()))
            .commands().add(names.element(command.name()))));
    return rejections;
  }

  /** One rejection type and the commands that may give it. */
  record SharedRejection(RejectionDef definition, List<ClassName> commands) {}
}
