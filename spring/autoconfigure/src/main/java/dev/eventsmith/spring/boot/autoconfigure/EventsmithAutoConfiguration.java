package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.observation.ObservedDecider;
import dev.eventsmith.observation.ObservedDecision;
import dev.eventsmith.observation.ObservedEventStore;
import dev.eventsmith.observation.ObservedTaggedEventStore;
import dev.eventsmith.observation.RuntimeObserver;
import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Decider;
import dev.eventsmith.runtime.Event;
import dev.eventsmith.runtime.Workflow;
import dev.eventsmith.runtime.checkpoint.CheckpointStore;
import dev.eventsmith.runtime.checkpoint.InMemoryCheckpointStore;
import dev.eventsmith.runtime.command.CommandBus;
import dev.eventsmith.runtime.command.CommandHandler;
import dev.eventsmith.runtime.command.CommandInterceptor;
import dev.eventsmith.runtime.deadline.DeadlineStore;
import dev.eventsmith.runtime.deadline.InMemoryDeadlineStore;
import dev.eventsmith.runtime.dcb.CrossStreamDecider;
import dev.eventsmith.runtime.dcb.DecisionHandler;
import dev.eventsmith.runtime.dcb.TaggedEventStore;
import dev.eventsmith.runtime.model.AggregateDescriptor;
import dev.eventsmith.runtime.model.DecisionDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.projection.AppendSignal;
import dev.eventsmith.runtime.store.EventStore;
import dev.eventsmith.spring.boot.Automations;
import dev.eventsmith.spring.boot.EventsmithModels;
import dev.eventsmith.spring.boot.EventsmithRuntime;
import dev.eventsmith.spring.boot.Projections;
import dev.eventsmith.spring.boot.RunningAutomation;
import dev.eventsmith.spring.boot.SharedAppendSignal;
import dev.eventsmith.spring.boot.ViewStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Runs a service's event models: a {@link CommandBus} with a command handler for each aggregate's
 * decider bean and a {@link DecisionHandler} for each command decided across streams (the bean of
 * its {@code <Command>Decision} contract, on the store, which must then be a
 * {@link TaggedEventStore}), a live projection for each view's projector bean
 * ({@link Projections}), and a runner for each automation's bean and each process, a
 * {@link Workflow} bean ({@link Automations}), the last two started and stopped with the
 * application context. The models are the {@code <Model>Model} beans of the application, or, when
 * it defines none, the generated {@code <Model>Model} classes in its packages.
 */
@AutoConfiguration(after = EventsmithStoreFallbackAutoConfiguration.class)
@EnableConfigurationProperties(EventsmithProperties.class)
public class EventsmithAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  EventsmithModels eventsmithModels(ObjectProvider<ModelDescriptor> declared, BeanFactory beanFactory) {
    List<ModelDescriptor> models = declared.orderedStream().toList();
    if (models.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
      models = ModelScan.in(AutoConfigurationPackages.get(beanFactory), beanFactory.getClass().getClassLoader());
    }
    if (models.isEmpty()) {
      throw new IllegalStateException("Eventsmith found no event model: generate one (src/main/eventmodel and the "
          + "eventsmith-maven-plugin) in a package under the @SpringBootApplication's, or declare its "
          + "<Model>Model.INSTANCE as a ModelDescriptor bean");
    }
    return new EventsmithModels(models);
  }

  @Bean
  @ConditionalOnMissingBean
  CommandBus commandBus(EventsmithModels models, EventStore store, ObjectProvider<RuntimeObserver> observers,
      ObjectProvider<CommandInterceptor> interceptors, ListableBeanFactory beans, EventsmithProperties properties) {
    LogicBeans logic = new LogicBeans(beans);
    RuntimeObserver observer = RuntimeObserver.all(observers.orderedStream().toList());
    EventStore observed = ObservedEventStore.of(store, observer);
    CommandBus bus = new CommandBus();
    for (ModelDescriptor model : models.all()) {
      Set<Class<?>> decided = new HashSet<>();
      model.decisions().forEach(decision -> decided.add(decision.type()));
      for (AggregateDescriptor aggregate : model.aggregates()) {
        if (decidedOnly(aggregate, decided)) {
          continue; // no command of its own: its decider decides nothing, so no bean is asked of it
        }
        Object decider = logic.of(aggregate.decider(), "aggregate " + aggregate.name() + " of model " + model.name());
        register(bus, aggregate, handler(observed, model, aggregate.name(), decider, observer,
            properties.getCommands().getMaxAttempts()));
      }
      for (DecisionDescriptor decision : model.decisions()) {
        String what = "command " + decision.command() + " of model " + model.name() + " (decided across streams)";
        if (!(store instanceof TaggedEventStore tagged)) {
          throw new IllegalStateException(what + " needs an event store with tags and conditional appends (a"
              + " TaggedEventStore: in-memory, SQLite or PostgreSQL), but the store is " + store.getClass().getName()
              + ": remove your EventStore bean so that eventsmith.store.type chooses one, or make it one of those");
        }
        Object decider = logic.of(decision.decision(), what);
        register(bus, decision, decisionHandler(new ObservedTaggedEventStore(tagged, observer), model, decision,
            decider, observer, properties.getCommands().getDecisionMaxAttempts()));
      }
    }
    // Observers are interceptors too: each sees the commands, in @Order, outermost first.
    interceptors.orderedStream().forEach(bus::intercept);
    return bus;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static CommandHandler<?, ?, ?> handler(EventStore store, ModelDescriptor model, String aggregate,
      Object decider, RuntimeObserver observer, int maxAttempts) {
    Decider<Object, Command, Event> logic = (Decider<Object, Command, Event>) decider;
    return new CommandHandler<>(store, model.events(), new ObservedDecider<>(aggregate, logic, observer))
        .withMaxAttempts(maxAttempts);
  }

  /** Whether every command of {@code aggregate} (its sealed command type's) is decided across streams. */
  private static boolean decidedOnly(AggregateDescriptor aggregate, Set<Class<?>> decided) {
    Class<?>[] commands = aggregate.commands().getPermittedSubclasses();
    return commands != null && commands.length > 0 && decided.containsAll(Arrays.asList(commands));
  }

  @SuppressWarnings("unchecked")
  private static DecisionHandler<?, ?, ?> decisionHandler(TaggedEventStore store, ModelDescriptor model,
      DecisionDescriptor decision, Object decider, RuntimeObserver observer, int maxAttempts) {
    CrossStreamDecider<Object, Command, Event> logic = (CrossStreamDecider<Object, Command, Event>) decider;
    return new DecisionHandler<>(store, model.events(), new ObservedDecision<>(decision.aggregate(), logic, observer))
        .withMaxAttempts(maxAttempts);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(CommandBus bus, DecisionDescriptor decision, DecisionHandler<?, ?, ?> handler) {
    bus.registerDecision((Class) decision.type(), ((DecisionHandler) handler)::handle);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(CommandBus bus, AggregateDescriptor aggregate, CommandHandler<?, ?, ?> handler) {
    bus.register((Class) aggregate.commands(), (CommandHandler) handler);
  }

  @Bean
  @ConditionalOnMissingBean
  SharedAppendSignal eventsmithAppendSignal(EventStore store) {
    return new SharedAppendSignal(store instanceof AppendSignal signal ? signal : wakeUp -> () -> { });
  }

  @Bean
  @ConditionalOnMissingBean
  EventsmithRuntime eventsmithRuntime(EventsmithModels models, EventStore store,
      ObjectProvider<RuntimeObserver> observers, ListableBeanFactory beans) {
    LogicBeans logic = new LogicBeans(beans);
    return new EventsmithRuntime(models, store, RuntimeObserver.all(observers.orderedStream().toList()), logic::of,
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  Projections eventsmithProjections(EventsmithRuntime runtime, ViewStores viewStores, SharedAppendSignal signal,
      EventsmithProperties properties) {
    EventsmithProperties.Projections settings = properties.getProjections();
    return new Projections(runtime.views(viewStores, settings.getPageSize()), settings.getPollInterval(),
        Optional.of(signal), settings.isEnabled());
  }

  @Bean
  @ConditionalOnMissingBean
  Automations eventsmithAutomations(EventsmithRuntime runtime, CheckpointStore checkpoints, CommandBus bus,
      SharedAppendSignal signal, EventsmithProperties properties, ListableBeanFactory beans,
      ObjectProvider<DeadlineStore> deadlines) {
    EventsmithProperties.Automations settings = properties.getAutomations();
    List<RunningAutomation> running = new ArrayList<>();
    if (settings.isEnabled()) {
      running.addAll(runtime.automations(checkpoints, bus));
      Map<String, Workflow<?>> workflows = workflows(beans);
      if (!workflows.isEmpty()) {
        DeadlineStore deadlineStore = deadlines.getObject();
        if (deadlineStore instanceof InMemoryDeadlineStore && !(checkpoints instanceof InMemoryCheckpointStore)) {
          // A restart would go on from the durable checkpoint, past the events that scheduled the lost deadlines.
          throw new IllegalStateException("the processes " + workflows.keySet() + " would keep their checkpoints in "
              + checkpoints.getClass().getSimpleName() + " but their deadlines in memory, so a restart would lose"
              + " every deadline scheduled before it: define a DeadlineStore bean in the same database"
              + " (SqliteDeadlineStore.open, PostgresDeadlineStore.open) beside your CheckpointStore bean");
        }
        running.addAll(runtime.processes(workflows, checkpoints, deadlineStore, bus));
      }
    }
    return new Automations(running, settings.getPollInterval(), Optional.of(signal), settings.isEnabled());
  }

  /** The application's processes: its {@link Workflow} beans, by bean name, in name order. */
  private static Map<String, Workflow<?>> workflows(ListableBeanFactory beans) {
    Map<String, Workflow<?>> workflows = new TreeMap<>();
    beans.getBeansOfType(Workflow.class).forEach((name, workflow) -> workflows.put(name, workflow));
    return workflows;
  }
}
