package dev.eventsmith.spec.validation;

import dev.eventsmith.spec.codegen.JavaLimits;
import dev.eventsmith.spec.codegen.SpecSize;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.Diagnostics;
import dev.eventsmith.spec.model.AggregateDef;
import dev.eventsmith.spec.model.CommandDef;
import dev.eventsmith.spec.model.Constraints;
import dev.eventsmith.spec.model.EventDef;
import dev.eventsmith.spec.model.EventModel;
import dev.eventsmith.spec.model.Field;
import dev.eventsmith.spec.model.Message;
import dev.eventsmith.spec.model.RejectionDef;
import dev.eventsmith.spec.model.SourcePosition;
import dev.eventsmith.spec.model.SpecDef;
import dev.eventsmith.spec.model.SpecValue;
import dev.eventsmith.spec.model.Upcast;
import dev.eventsmith.spec.model.ValueType;
import dev.eventsmith.spec.model.ViewDef;
import dev.eventsmith.spec.typing.TypedValue;
import dev.eventsmith.spec.typing.ValueTyper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model must fit the limits of the class file format in the code generated from it: javac
 * refuses a method over 64 KiB ("code too large"), a constructor over 255 parameter slots, a class
 * with more than 65,535 constants, a string constant over 65,535 bytes. Every limit is one of
 * {@link JavaLimits}, checked here before javac would find it.
 */
final class SizeChecks {
  private final EventModel model;
  private final Diagnostics diagnostics;

  SizeChecks(EventModel model, Diagnostics diagnostics) {
    this.model = model;
    this.diagnostics = diagnostics;
  }

  void run() {
    members();
    texts();
    specs();
  }

  private void members() {
    for (EventDef e : model.events()) {
      fields("event '" + e.name() + "'", e.fields(), e.position());
    }
    for (CommandDef c : model.commands()) {
      fields("command '" + c.name() + "'", c.fields(), c.position());
      for (RejectionDef r : c.rejects()) {
        fields("rejection '" + r.name() + "'", r.fields(), r.position());
      }
    }
    for (ViewDef v : model.views()) {
      fields("view '" + v.name() + "'", v.fields(), v.position());
      tooMany(v.from().size(), "view '" + v.name() + "' is built from", "events", v.position(),
          "Split the view into views of fewer events.");
    }
    if (model.events().size() > JavaLimits.MAX_MEMBERS) {
      EventDef first = model.events().get(JavaLimits.MAX_MEMBERS);
      tooMany(model.events().size(), "model '" + model.name() + "' has", "events", first.position(),
          "Split the model into models of fewer events; each has its own codec.");
    }
    for (AggregateDef a : model.aggregates()) {
      tooMany(model.commandsOf(a.name()).size(), "aggregate '" + a.name() + "' has", "commands", a.position(),
          "Split the aggregate: its decider dispatches every command in one method.");
      tooMany(model.eventsOf(a.name()).size(), "aggregate '" + a.name() + "' has", "events", a.position(),
          "Split the aggregate: its decider dispatches every event in one method.");
    }
    for (ValueType type : model.types()) {
      if (type instanceof ValueType.Enumeration e) {
        tooMany(e.constants().size(), "enum '" + e.name() + "' has", "constants", e.position(),
            "Use a string type with a pattern, or split the enum.");
      }
    }
  }

  private void fields(String owner, List<Field> fields, SourcePosition position) {
    if (fields.size() > JavaLimits.MAX_FIELDS) {
      diagnostics.report(DiagnosticCode.TOO_MANY_MEMBERS, position,
          owner + " has " + fields.size() + " fields; at most " + JavaLimits.MAX_FIELDS
              + " fit a Java record's constructor",
          "Group related fields into fewer ones (a list, or a value type), or split the message.");
    }
  }

  private void tooMany(int count, String owner, String things, SourcePosition position, String hint) {
    if (count > JavaLimits.MAX_MEMBERS) {
      diagnostics.report(DiagnosticCode.TOO_MANY_MEMBERS, position,
          owner + " " + count + " " + things + "; at most " + JavaLimits.MAX_MEMBERS + " fit one generated method",
          hint);
    }
  }

  /** Texts that become string constants: spec names and values, symbols, patterns, stored names. */
  private void texts() {
    for (ValueType type : model.types()) {
      if (type instanceof ValueType.Wrapper w) {
        pattern(w.constraints(), "the pattern of type '" + w.name() + "'", w.position());
      }
    }
    for (Fields.Owned owned : Fields.all(model)) {
      pattern(owned.field().constraints(), "the pattern of field '" + owned.field().name() + "' of " + owned.owner(),
          owned.field().position());
    }
    for (EventDef e : model.events()) {
      text(e.storedName(), "the stored name of event '" + e.name() + "'", e.position());
      for (Upcast step : e.upcasts()) {
        step.set().values().forEach(v -> values(v, "a value set by an upcast of '" + e.name() + "'"));
      }
    }
    for (SpecDef spec : model.specs()) {
      text(spec.name(), "the name of a spec of '" + spec.subject().name() + "'", spec.position());
      messages(spec).forEach(m -> m.values().values().forEach(v -> values(v, "a value of '" + m.type() + "'")));
    }
  }

  private void pattern(Constraints constraints, String what, SourcePosition position) {
    constraints.pattern().ifPresent(p -> text(p, what, position));
  }

  private void values(SpecValue value, String what) {
    if (value instanceof SpecValue.Scalar s) {
      text(s.text(), what, s.position());
    } else if (value instanceof SpecValue.Symbol s) {
      text(s.name(), "the symbol of " + what, s.position());
    } else if (value instanceof SpecValue.ListValue list) {
      list.elements().forEach(e -> values(e, what));
    } else if (value instanceof SpecValue.MapValue map) {
      map.entries().values().forEach(e -> values(e, what));
    }
  }

  private void text(String text, String what, SourcePosition position) {
    if (text.length() > JavaLimits.MAX_TEXT_LENGTH) {
      diagnostics.report(DiagnosticCode.TEXT_TOO_LONG, position,
          what + " has " + text.length() + " characters; a Java string constant holds at most "
              + JavaLimits.MAX_TEXT_LENGTH + " of them",
          "Shorten the text; a spec needs a representative value, not a large one.");
    }
  }

  /** Every message must fit a method; all specs of one subject must fit one test class. */
  private void specs() {
    Map<String, List<SpecDef>> bySubject = new LinkedHashMap<>();
    model.specs().forEach(s -> bySubject.computeIfAbsent(s.subject().name(), k -> new ArrayList<>()).add(s));
    for (List<SpecDef> specs : bySubject.values()) {
      for (SpecDef spec : specs) {
        for (Message message : messages(spec)) {
          int values = SpecSize.values(message, fields(message.type()).size());
          if (values > JavaLimits.MAX_MESSAGE_VALUES) {
            diagnostics.report(DiagnosticCode.SPEC_MESSAGE_TOO_LARGE, message.position(),
                "'" + message.type() + "' in spec '" + spec.name() + "' has " + values + " values; a spec message"
                    + " has at most " + JavaLimits.MAX_MESSAGE_VALUES + ", so that its test fits a Java method",
                "Make the message smaller: a spec needs representative values, e.g. a list of three, not of thousands.");
          }
        }
      }
      // Counting as if every value were a distinct text is cheap and almost always far enough below the limit.
      if (constants(specs, false).size() > JavaLimits.MAX_SPEC_CLASS_CONSTANTS) {
        constants(specs, true);
      }
    }
  }

  /**
   * The constants the test class of {@code specs} needs: exactly by their typed values when
   * {@code typed} (reporting ESM-0315 where the limit is passed), else a cheap upper bound.
   */
  private ConstantPool constants(List<SpecDef> specs, boolean typed) {
    ConstantPool pool = new ConstantPool();
    if (!typed) {
      pool.add("value types", 6 * model.types().size());
    }
    for (SpecDef spec : specs) {
      pool.add("spec\n" + spec.name(), 4);
      int listValues = 0;
      for (Message message : messages(spec)) {
        List<Field> fields = fields(message.type());
        listValues += SpecSize.values(message, fields.size());
        pool.add("type\n" + message.type(), 6);
        if (typed) {
          ValueTyper.typeMessage(message, fields, model).values().forEach(pool::add);
        } else {
          message.values().values().forEach(pool::addAsText);
        }
      }
      // Long lists are built by helper methods, each a name and a method reference in the pool.
      pool.helpers += 2 + listValues / JavaLimits.LIST_CHUNK_VALUES;
      if (typed && pool.size() > JavaLimits.MAX_SPEC_CLASS_CONSTANTS) {
        diagnostics.report(DiagnosticCode.SPECS_TOO_LARGE, spec.position(),
            "up to spec '" + spec.name() + "', the specs of '" + spec.subject().name() + "' need about "
                + pool.size() + " constants in their test class; at most " + JavaLimits.MAX_SPEC_CLASS_CONSTANTS
                + " of the 65,535 a Java class holds are allowed",
            "Use fewer distinct values (repeat symbols, small numbers and texts), or fewer specs per subject.");
        break;
      }
    }
    return pool;
  }

  /**
   * An upper bound of the constant pool entries a spec test class needs: two per distinct text
   * (a string and its bytes), one per int beyond a {@code short}, two per long, three per enum
   * constant, six per type constructed, four per spec, three per helper method, and a fixed part
   * for the test kit and JUnit. Small ints and booleans are instructions, not constants.
   */
  private static final class ConstantPool {
    private static final int FIXED = 300;
    private final Map<String, Integer> entries = new HashMap<>();
    private int helpers;

    void add(String key, int cost) {
      entries.putIfAbsent(key, cost);
    }

    /**
     * Counts {@code value} as the most it can cost: a scalar as a text or an enum constant (five),
     * a symbol as its name; the value types it may wrap are counted once for all, by the caller.
     */
    void addAsText(SpecValue value) {
      if (value instanceof SpecValue.Scalar v) {
        add("text\n" + v.text(), 5);
      } else if (value instanceof SpecValue.Symbol v) {
        add("text\n" + v.name(), 2);
      } else if (value instanceof SpecValue.ListValue v) {
        v.elements().forEach(this::addAsText);
      } else if (value instanceof SpecValue.MapValue v) {
        v.entries().values().forEach(this::addAsText);
      }
    }

    void add(TypedValue value) {
      if (value instanceof TypedValue.Text v) {
        add("text\n" + v.value(), 2);
      } else if (value instanceof TypedValue.Int32 v) {
        if (v.value() < Short.MIN_VALUE || v.value() > Short.MAX_VALUE) {
          add("int\n" + v.value(), 1);
        }
      } else if (value instanceof TypedValue.Int64 v) {
        if (v.value() != 0 && v.value() != 1) {
          add("long\n" + v.value(), 2);
        }
      } else if (value instanceof TypedValue.Decimal v) {
        add("text\n" + v.value().toPlainString(), 2);
      } else if (value instanceof TypedValue.Uuid v) {
        add("text\n" + v.value(), 2);
      } else if (value instanceof TypedValue.InstantValue v) {
        add("text\n" + v.value(), 2);
      } else if (value instanceof TypedValue.DateValue v) {
        add("text\n" + v.value(), 2);
      } else if (value instanceof TypedValue.SymbolRef v) {
        add("text\n" + v.name(), 2);
      } else if (value instanceof TypedValue.Wrapped v) {
        add("type\n" + v.typeName(), 6);
        add(v.value());
      } else if (value instanceof TypedValue.EnumConstant v) {
        add("type\n" + v.typeName(), 6);
        add("constant\n" + v.typeName() + "." + v.constant(), 3);
      } else if (value instanceof TypedValue.ListOf v) {
        v.elements().forEach(this::add);
      } else if (value instanceof TypedValue.Present v) {
        add(v.value());
      }
    }

    int size() {
      return FIXED + 3 * helpers + entries.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private List<Field> fields(String type) {
    return model.event(type).map(EventDef::fields)
        .or(() -> model.command(type).map(CommandDef::fields))
        .or(() -> model.view(type).map(ViewDef::fields))
        .or(() -> model.commands().stream().flatMap(c -> c.rejects().stream())
            .filter(r -> r.name().equals(type)).findFirst().map(RejectionDef::fields))
        .orElse(List.of());
  }

  private static List<Message> messages(SpecDef spec) {
    List<Message> all = new ArrayList<>(spec.given());
    spec.when().ifPresent(all::add);
    SpecDef.Outcome then = spec.then();
    if (then instanceof SpecDef.ThenEvents t) {
      all.addAll(t.events());
    } else if (then instanceof SpecDef.ThenCommands t) {
      all.addAll(t.commands());
    } else if (then instanceof SpecDef.ThenView t) {
      all.add(t.view());
    } else if (then instanceof SpecDef.ThenRows t) {
      all.addAll(t.rows());
    } else if (then instanceof SpecDef.ThenRejected t) {
      all.add(t.rejection());
    } else if (then instanceof SpecDef.ThenReaction t) {
      t.rejection().ifPresent(all::add);
      all.addAll(t.issues());
    }
    return all;
  }
}
