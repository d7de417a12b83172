package dev.eventsmith.spring.boot;

import dev.eventsmith.observation.ObservedEventStore;
import dev.eventsmith.observation.ObservedProjection;
import dev.eventsmith.observation.RuntimeObserver;
import dev.eventsmith.runtime.Automation;
import dev.eventsmith.runtime.Projector;
import dev.eventsmith.runtime.ViewAutomation;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.automation.AutomationRunner;
import dev.eventsmith.runtime.automation.ProcessRunner;
import dev.eventsmith.runtime.automation.ViewAutomationRunner;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.codec.EventCodec;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.deadline.DeadlineRunner;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.model.AutomationDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.runtime.projection.ProjectionRunner;
import dev.eventsmith.runtime.projection.ViewStore;
import dev.eventsmith.runtime.store.EventStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

/**
 * Assembles the runners of a service's models from the beans of their hand-written logic: a live
 * projection per view, a runner per automation and per process. The command bus is assembled by the
 * auto-configuration; this class holds what needs no Spring.
 */
public final class EventsmithRuntime {

  private final EventsmithModels models;
  private final EventStore events;
  private final RuntimeObserver observer;
  private final BiFunction<Class<?>, String, Object> logic;
  private final Clock clock;

  /**
   * @param logic the bean that implements a generated contract, by contract and a description of
   *     the element for messages
   */
  public EventsmithRuntime(EventsmithModels models, EventStore events, RuntimeObserver observer,
      BiFunction<Class<?>, String, Object> logic, Clock clock) {
    this.models = models;
    this.events = events;
    this.observer = observer;
    this.logic = logic;
    this.clock = clock;
  }

  /** A view of every model's views, each with its store opened in {@code stores} and a runner over the log. */
  public List<RunningView<?, ?>> views(ViewStores stores, int pageSize) {
    List<RunningView<?, ?>> views = new ArrayList<>();
    for (ModelDescriptor model : models.all()) {
      for (ViewDescriptor<?, ?> view : model.views()) {
        views.add(view(model, view, stores, pageSize));
      }
    }
    return views;
  }

  private <K, V> RunningView<K, V> view(ModelDescriptor model, ViewDescriptor<K, V> view, ViewStores stores,
      int pageSize) {
    Projector<K, V> projector = projector(model, view);
    ViewStore<K, V> rows = stores.open(storedName(view.name()), view.rows());
    ObservedProjection<K, V> observed = ObservedProjection.of(view.name(), events, rows, observer);
    ProjectionRunner<K, V> runner = new ProjectionRunner<>(observed.events(), model.events(), projector, observed.rows())
        .withPageSize(pageSize)
        .skippingTypes(models.typesBesides(model));
    return new RunningView<>(view, rows, runner, events, clock);
  }

  /** A runner of every model's automations, their checkpoints in {@code checkpoints}, their commands sent to {@code bus}. */
  public List<RunningAutomation> automations(CheckpointStore checkpoints, CommandBus bus) {
    List<RunningAutomation> automations = new ArrayList<>();
    for (ModelDescriptor model : models.all()) {
      for (AutomationDescriptor automation : model.automations()) {
        automations.add(automation(model, automation, checkpoints, bus));
      }
    }
    return automations;
  }

  private RunningAutomation automation(ModelDescriptor model, AutomationDescriptor automation,
      CheckpointStore checkpoints, CommandBus bus) {
    Object reacting = logic.apply(automation.automation(),
        "automation " + automation.name() + " of model " + model.name());
    if (automation.view().isEmpty()) {
      AutomationRunner runner = new AutomationRunner(events, model.events(), (Automation) reacting, bus)
          .withCheckpoints(checkpoints, automation.name())
          .skippingTypes(models.typesBesides(model));
      return new RunningAutomation(automation.name(), runner::catchUp, runner::checkpoint, events, clock);
    }
    ViewDescriptor<?, ?> view = model.views().stream().filter(v -> v.name().equals(automation.view().get()))
        .findFirst().orElseThrow(() -> new IllegalStateException("model " + model.name() + " describes automation "
            + automation.name() + " on a view it does not have: " + automation.view().get()));
    ViewAutomationRunner<?, ?> runner = viewAutomation(model, view, reacting, checkpoints, bus, automation.name());
    return new RunningAutomation(automation.name(), runner::catchUp, runner::checkpoint, events, clock);
  }

  /**
   * A runner of each hand-written process ({@link Workflow} bean, by bean name, which names its
   * checkpoint and deadlines: keep it when the class is renamed), following the events of every
   * model, with its deadlines in {@code deadlines}, fired after each catch-up: a deadline fires at
   * the first poll after it is due. The processes share the deadline store, so a process's thread
   * may claim another's deadline; it hands it to that process's runner, which runs one thread at a
   * time. A deadline owned by no process of this service stops the thread that claimed it, naming
   * the owner (it is claimed again when its lease ends): deploy every process where its deadlines
   * are stored.
   *
   * @throws IllegalStateException if a process's name holds ':', which separates the process from
   *     the instance in a deadline's owner
   */
  public List<RunningAutomation> processes(Map<String, Workflow<?>> workflows, CheckpointStore checkpoints,
      DeadlineStore deadlines, CommandBus bus) {
    EventCodec codec = models.all().size() == 1 ? models.all().get(0).events() : new ModelsEventCodec(models.all());
    Map<String, ProcessRunner<?>> runners = new LinkedHashMap<>();
    workflows.forEach((name, workflow) -> {
      if (name.indexOf(':') >= 0) {
        throw new IllegalStateException("the Workflow bean '" + name + "' has ':' in its name, which separates the"
            + " process from the instance in its deadlines' owners ('" + name + ":<key>'): name the bean without ':'");
      }
      runners.put(name, new ProcessRunner<>(name, events, codec, workflow, bus, checkpoints, deadlines));
    });
    DeadlineRunner.Handler byOwner = (due, now) -> {
      String owner = due.deadline().owner();
      int colon = owner.indexOf(':');
      ProcessRunner<?> runner = colon < 0 ? null : runners.get(owner.substring(0, colon));
      if (runner == null) {
        throw new IllegalStateException(due.deadline() + " belongs to no process of this service " + runners.keySet()
            + "; deploy its process here, or remove its deadlines from the store");
      }
      synchronized (runner) {
        runner.fire(due, now);
      }
    };
    List<RunningAutomation> processes = new ArrayList<>();
    runners.forEach((name, runner) -> {
      DeadlineRunner timer = new DeadlineRunner(deadlines, clock, byOwner);
      IntSupplier catchUp = () -> {
        int issued;
        synchronized (runner) {
          issued = runner.catchUp();
        }
        timer.fireDue();
        return issued;
      };
      processes.add(new RunningAutomation(name, catchUp, runner::checkpoint, events, clock));
    });
    return processes;
  }

  @SuppressWarnings("unchecked")
  private <K, V> ViewAutomationRunner<K, V> viewAutomation(ModelDescriptor model, ViewDescriptor<K, V> view,
      Object reacting, CheckpointStore checkpoints, CommandBus bus, String name) {
    return new ViewAutomationRunner<>(events, model.events(), projector(model, view), (ViewAutomation<V>) reacting, bus)
        .withCheckpoints(checkpoints, name)
        .skippingTypes(models.typesBesides(model));
  }

  @SuppressWarnings("unchecked")
  private <K, V> Projector<K, V> projector(ModelDescriptor model, ViewDescriptor<K, V> view) {
    return (Projector<K, V>) logic.apply(view.projector(), "view " + view.name() + " of model " + model.name());
  }

  /**
   * The name a view's store is opened under: the view's name in snake case ({@code CartSummary}
   * is {@code cart_summary}), as the MCP server's show_checkpoint opens it.
   */
  public static String storedName(String view) {
    return view.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

}
