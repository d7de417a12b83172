package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a reviewer would point out although the model works: gaps in specs and in naming. */
final class ModelWarnings {
  /** Past participles that do not end in "ed"; enough for the usual event vocabulary. */
  private static final Set<String> IRREGULAR_PAST = Set.of(
      "begun", "bought", "brought", "built", "caught", "chosen", "cut", "dealt", "done", "drawn", "driven", "fed",
      "felt", "found", "frozen", "given", "gone", "grown", "held", "hidden", "hit", "kept", "known", "laid", "led",
      "left", "lent", "let", "lost", "made", "meant", "met", "overridden", "paid", "put", "quit", "read", "rewritten",
      "ridden", "risen", "run", "said", "seen", "sent", "set", "shown", "shut", "sold", "spent", "split", "spoken",
      "spun", "stolen", "struck", "sworn", "taken", "taught", "thrown", "told", "torn", "undone", "upheld", "withdrawn",
      "won", "worn", "written", "rebuilt", "reset", "resent", "forgotten", "forgiven", "bound", "broken", "become");

  private final EventModel model;
  private final Diagnostics diagnostics;

  ModelWarnings(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    model.commands().forEach(this::specsOfCommand);
    model.events().forEach(this::tense);
    model.views().forEach(this::viewSources);
  }

  private void specsOfCommand(CommandDef command) {
    List<SpecDef> specs = model.specsOf(command.name()).stream().filter(s -> s.kind() == SpecDef.SubjectKind.COMMAND).toList();
    if (specs.isEmpty()) {
      diagnostics.report(DiagnosticCode.COMMAND_WITHOUT_SPEC, command.position(),
          "command '" + command.name() + "' has no spec",
          "Add a spec under 'specs: " + command.name() + ":' that shows what it emits; it becomes a generated test.");
    }
    for (RejectionDef rejection : command.rejects()) {
      boolean covered = specs.stream().anyMatch(s ->
          s.then() instanceof SpecDef.ThenRejected r && r.rejection().type().equals(rejection.name()));
      if (!covered) {
        diagnostics.report(DiagnosticCode.REJECTION_WITHOUT_SPEC, rejection.position(),
            "no spec of command '" + command.name() + "' expects rejection '" + rejection.name() + "'",
            "Add a spec with 'then: { rejected: " + rejection.name() + " }' that shows when the command is refused.");
      }
    }
  }

  private void tense(EventDef event) {
    List<String> words = words(event.name());
    if (words.isEmpty() || words.stream().anyMatch(ModelWarnings::looksPast)) {
      return;
    }
    diagnostics.report(DiagnosticCode.EVENT_NOT_PAST_TENSE, event.position(),
        "event '" + event.name() + "' does not read as something that happened",
        "Name events as facts in the past tense, e.g. 'ItemAdded' rather than 'AddItem'.");
  }

  private static boolean looksPast(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return (w.endsWith("ed") && w.length() > 3) || IRREGULAR_PAST.contains(w);
  }

  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c) && word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private void viewSources(ViewDef view) {
    List<EventDef> sources = view.from().stream().flatMap(r -> model.event(r.name()).stream()).toList();
    if (sources.isEmpty()) {
      return;
    }
    for (Field field : view.fields()) {
      if (field.name().equals(view.key()) || field.computed()) {
        continue;
      }
      boolean fed = sources.stream().anyMatch(e -> e.fields().stream().anyMatch(f -> f.name().equals(field.name())));
      if (!fed) {
        diagnostics.report(DiagnosticCode.VIEW_FIELD_WITHOUT_SOURCE, field.position(),
            "no event in 'from' of view '" + view.name() + "' has a field '" + field.name() + "'",
            "If the projector computes it (a count, a sum, a status), say so with '" + field.name()
                + ": { type: ..., computed: true }'; otherwise add the event that carries it to 'from'.");
      }
    }
  }
}
