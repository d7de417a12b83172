package dev.eventsmith.generator.emit;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.AutomationDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated model into Java files: {@link #mainSources} for the code the application
 * compiles against, {@link #testSources} for the JUnit spec tests. Pure and deterministic: the
 * same model gives the same files, byte for byte. Used by the annotation processor and usable
 * from any other build step.
 */
public final class Generator {

  private final Context context;

  /**
   * @param model a model without errors
   * @param modelFile how generated code names its source, e.g. {@code cart.yaml}
   */
  public Generator(EventModel model, String modelFile) {
    this.context = new Context(model, modelFile);
  }

  /** Records, sealed interfaces, contracts and the codec. */
  public List<JavaFile> mainSources() {
    EventModel model = context.model();
    List<TypeSpec> types = new ArrayList<>();
    ValueTypeEmitter valueTypes = new ValueTypeEmitter(context);
    for (ValueType type : model.types()) {
      types.add(valueTypes.emit(type));
    }
    AggregateEmitter aggregates = new AggregateEmitter(context);
    MessageEmitter messages = new MessageEmitter(context);
    ContractEmitter contracts = new ContractEmitter(context);
    for (AggregateDef aggregate : model.aggregates()) {
      types.addAll(aggregates.emit(aggregate));
      context.rejectionsOf(aggregate.name())
          .forEach((name, shared) -> types.add(messages.rejection(aggregate.name(), shared)));
      types.add(contracts.decider(aggregate));
    }
    for (EventDef event : model.events()) {
      types.add(messages.event(event));
    }
    for (CommandDef command : model.commands()) {
      types.add(messages.command(command));
    }
    for (ViewDef view : model.views()) {
      types.add(messages.view(view));
      types.add(contracts.projector(view));
    }
    for (AutomationDef automation : model.automations()) {
      types.add(contracts.automation(automation));
    }
    ProcessEmitter processes = new ProcessEmitter(context);
    for (dev.eventsmith.spec.model.ProcessDef process : model.processes()) {
      types.add(processes.state(process));
      types.add(processes.contract(process));
    }
    DecisionEmitter decisions = new DecisionEmitter(context);
    if (decisions.hasTags()) {
      types.add(decisions.tags());
    }
    for (CommandDef command : model.commands()) {
      if (command.decidesAcrossStreams()) {
        types.add(decisions.decision(command));
      }
    }
    CodecEmitter codec = new CodecEmitter(context);
    RowCodecEmitter rowCodecs = new RowCodecEmitter(context, codec);
    for (ViewDef view : model.views()) {
      rowCodecs.emit(view).ifPresent(types::add);
    }
    types.add(codec.eventTypes());
    types.add(codec.codec());
    types.add(new CommandCodecEmitter(context, codec).emit());
    types.add(new ModelDescriptorEmitter(context).emit());
    return files(types);
  }

  /** One JUnit class per command, view or automation that has specs. */
  public List<JavaFile> testSources(Implementations implementations) {
    Map<String, List<SpecDef>> bySubject = new LinkedHashMap<>();
    for (SpecDef spec : context.model().specs()) {
      bySubject.computeIfAbsent(spec.subject().name(), s -> new ArrayList<>()).add(spec);
    }
    SpecTestEmitter emitter = new SpecTestEmitter(context, implementations);
    List<TypeSpec> types = new ArrayList<>();
    bySubject.forEach((subject, specs) -> types.add(emitter.emit(subject, specs)));
    return files(types);
  }

  private List<JavaFile> files(List<TypeSpec> types) {
    List<JavaFile> files = new ArrayList<>();
    for (TypeSpec type : types) {
      files.add(Annotations.file(context.model().packageName(), type));
    }
    return files;
  }
}
