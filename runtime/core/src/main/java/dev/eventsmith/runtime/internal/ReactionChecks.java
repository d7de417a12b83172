package dev.eventsmith.runtime.internal;

import dev.eventsmith.runtime.Command;
import dev.eventsmith.runtime.Reaction;
import java.util.List;

/**
 * What every generated process contract checks of the reactions its hand-written logic returns:
 * only the commands and deadlines the model declares for the process, as the model promises.
 */
public final class ReactionChecks {

  private ReactionChecks() {}

  /**
   * {@code reaction} itself, once it is known to issue only {@code commands} and to schedule and
   * cancel only {@code deadlines}.
   *
   * @throws IllegalStateException naming the process, what it did and what the model allows
   */
  public static Reaction check(Reaction reaction, String process, List<Class<? extends Command>> commands,
      List<String> deadlines) {
    if (reaction == null) {
      throw new IllegalStateException("the process " + process + " returned no reaction; return Reaction.none()");
    }
    for (Command command : reaction.commands()) {
      if (commands.stream().noneMatch(type -> type.isInstance(command))) {
        throw new IllegalStateException("the process " + process + " issues " + command.getClass().getSimpleName()
            + ", which its 'issues' in the model does not list (it lists " + names(commands) + ")");
      }
    }
    for (String deadline : reaction.schedules().keySet()) {
      deadline(process, deadline, deadlines, "schedules");
    }
    for (String deadline : reaction.cancels()) {
      deadline(process, deadline, deadlines, "cancels");
    }
    return reaction;
  }

  private static void deadline(String process, String deadline, List<String> deadlines, String verb) {
    if (!deadlines.contains(deadline)) {
      throw new IllegalStateException("the process " + process + " " + verb + " the deadline '" + deadline
          + "', which its 'deadlines' in the model does not declare (it declares " + deadlines + ")");
    }
  }

  private static String names(List<Class<? extends Command>> commands) {
    return commands.stream().map(Class::getSimpleName).toList().toString();
  }
}
