package dev.eventsmith.runtime.command;

import dev.eventsmith.runtime.Command;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes each command to the handler of its aggregate, or, for a command decided across streams,
 * to its {@code DecisionHandler} ({@link #registerDecision}), so that code which issues commands of several aggregates
 * (automations, an API layer) needs one entry point. {@link CommandInterceptor}s wrap every
 * dispatch, for metrics and tracing. Register handlers and interceptors before dispatching;
 * dispatching is thread-safe.
 */
public final class CommandBus {

  private final List<Route<?>> routes = new ArrayList<>();
  /** Decided commands by their own class: they come before their aggregate's route. */
  private final Map<Class<?>, Route<?>> decisions = new ConcurrentHashMap<>();
  private volatile List<CommandInterceptor> interceptors = List.of();

  /** Sends every command of {@code commandType} (e.g. {@code CartCommand.class}) to {@code handler}. */
  public <C extends Command> CommandBus register(Class<C> commandType, CommandHandler<?, C, ?> handler) {
    Objects.requireNonNull(commandType, "commandType");
    Objects.requireNonNull(handler, "handler");
    for (Route<?> route : routes) {
      if (route.type().isAssignableFrom(commandType) || commandType.isAssignableFrom(route.type())) {
        throw new IllegalArgumentException(commandType.getName() + " overlaps with the commands already routed as "
            + route.type().getName() + ": register each aggregate's command type once");
      }
    }
    routes.add(new Route<>(commandType, handler::handle));
    return this;
  }

  /**
   * Sends every command of class {@code commandClass} (exactly that class, e.g.
   * {@code SubscribeStudent.class}) to {@code handler}, usually a {@code DecisionHandler}'s
   * {@code handle}, even if it is also a command of an aggregate registered with
   * {@link #register(Class, CommandHandler)}: a command decided across streams belongs to its
   * aggregate's command type, but that aggregate's decider does not decide it.
   */
  public <C extends Command> CommandBus registerDecision(Class<C> commandClass, Handling<C> handler) {
    Objects.requireNonNull(commandClass, "commandClass");
    Objects.requireNonNull(handler, "handler");
    if (commandClass.isInterface() || Modifier.isAbstract(commandClass.getModifiers())) {
      throw new IllegalArgumentException(commandClass.getName() + " is not a command's own class: a decision is"
          + " registered for the class of the one command it decides (a record such as SubscribeStudent)");
    }
    if (decisions.putIfAbsent(commandClass, new Route<>(commandClass, handler)) != null) {
      throw new IllegalArgumentException(commandClass.getName() + " already has a decision: register it once");
    }
    return this;
  }

  /**
   * Wraps every later dispatch in {@code interceptor}. Interceptors added earlier wrap those added
   * later: the first one added sees the command first and the outcome last.
   */
  public CommandBus intercept(CommandInterceptor interceptor) {
    Objects.requireNonNull(interceptor, "interceptor");
    List<CommandInterceptor> more = new ArrayList<>(interceptors);
    more.add(interceptor);
    interceptors = List.copyOf(more);
    return this;
  }

  /**
   * Handles {@code command} with its decision's handler if it has one, else its aggregate's.
   *
   * @throws IllegalArgumentException if no handler is registered for the command's type
   */
  public CommandResult dispatch(Command command) {
    return dispatch(command, Map.of());
  }

  /**
   * Handles {@code command} with its decision's handler if it has one, else its aggregate's,
   * recording {@code metadata} on its events
   * (a {@link CommandHandler#COMMAND_ID} makes a repeat of the command answered, not done again).
   *
   * @throws IllegalArgumentException if no handler is registered for the command's type
   */
  public CommandResult dispatch(Command command, Map<String, String> metadata) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(metadata, "metadata");
    Route<?> decision = decisions.get(command.getClass());
    if (decision != null) {
      return handle(decision, command, metadata, interceptors, 0);
    }
    for (Route<?> route : routes) {
      if (route.type().isInstance(command)) {
        return handle(route, command, metadata, interceptors, 0);
      }
    }
    throw new IllegalArgumentException("no handler is registered for " + command.getClass().getName()
        + ": register its aggregate's command type with CommandBus.register");
  }

  private static CommandResult handle(Route<?> route, Command command, Map<String, String> metadata,
      List<CommandInterceptor> interceptors, int next) {
    if (next == interceptors.size()) {
      return route.handle(command, metadata);
    }
    CommandInterceptor interceptor = interceptors.get(next);
    CommandResult result = interceptor.intercept(command, metadata,
        more -> handle(route, command, Objects.requireNonNull(more, "metadata"), interceptors, next + 1));
    return Objects.requireNonNull(result, () -> interceptor.getClass().getName() + " returned no result for "
        + command.getClass().getSimpleName() + "; return what next.handle(...) answered");
  }

  /** What handles the commands of one route: a {@code DecisionHandler}'s {@code handle}, say. */
  @FunctionalInterface
  public interface Handling<C extends Command> {

    /** Handles {@code command}, recording {@code metadata} on its events. */
    CommandResult handle(C command, Map<String, String> metadata);
  }

  private record Route<C extends Command>(Class<C> type, Handling<C> handler) {
    CommandResult handle(Command command, Map<String, String> metadata) {
      return handler.handle(type.cast(command), metadata);
    }
  }
}
