package dev.eventsmith.mcp.guide;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/**
 * The prompts "add a slice" and "fix a failing build": the task, the skill of the agent guides that
 * says how (the bundled {@code SKILL.md}, or {@code AGENTS.md} where the kit has no such skill), and
 * which of this server's tools do each step.
 */
public final class Prompts {

  static final String ADD_A_SLICE = "add_a_slice";
  static final String FIX_A_FAILING_BUILD = "fix_a_failing_build";

  private static final String ADD_TOOLS = """
      With the eventsmith tools instead of reading files and consoles:
      - list_slices and show_element: what the model has now, and where each element is declared;
      - validate_model after every edit of the YAML, until it answers valid (explain_code for a code);
      - show_contract for the slice: the exact method signatures to write, and the class to write them in;
      - runtime_api for the signatures of Decision, Decider, Projector and the rest of the runtime;
      - run_specs for the slice until every spec passes; a failure comes with expected and actual side by side;
      - slice_status to see that the slice is implemented and its specs pass.""";

  private static final String FIX_TOOLS = """
      With the eventsmith tools instead of reading consoles:
      - validate_model: the model's errors with file:line:column and a hint (explain_code for a code's page);
      - show_contract: the methods a hand-written class must implement, when javac says one is missing;
      - run_specs for one slice or spec: pass or fail, with expected and actual side by side and the
        compiler's errors as file:line:column;
      - slice_status: which slices fail, are not implemented, or did not run.""";

  private final Guides guides;

  public Prompts(Guides guides) {
    this.guides = guides;
  }

  /** Both prompts. */
  public List<SyncPromptSpecification> prompts() {
    return List.of(
        new SyncPromptSpecification(
            Prompt.builder(ADD_A_SLICE).title("Add a slice")
                .description("Add a command, view or automation to the event model and implement it, step by step.")
                .arguments(List.of(
                    PromptArgument.builder("behaviour").description("What the slice should do, in a sentence or two.")
                        .required(true).build(),
                    PromptArgument.builder("slice").description("Its name, if already chosen (e.g. CancelOrder).")
                        .required(false).build()))
                .build(),
            (exchange, request) -> addASlice(request.arguments())),
        new SyncPromptSpecification(
            Prompt.builder(FIX_A_FAILING_BUILD).title("Fix a failing build")
                .description("Find why the build fails (model, compiler or a spec) and fix it, step by step.")
                .arguments(List.of(PromptArgument.builder("output")
                    .description("The failing build's output, or the part of it you have.").required(false).build()))
                .build(),
            (exchange, request) -> fixAFailingBuild(request.arguments())));
  }

  GetPromptResult addASlice(Map<String, Object> arguments) {
    String behaviour = text(arguments, "behaviour");
    String slice = text(arguments, "slice");
    String task = "Add a slice to this Eventsmith project's event model and implement it: " + behaviour
        + (slice.isEmpty() ? "" : "\nName the slice " + slice + ".");
    return result("Add a slice", task, skill("add-a-slice"), ADD_TOOLS);
  }

  GetPromptResult fixAFailingBuild(Map<String, Object> arguments) {
    String output = text(arguments, "output");
    String task = "This Eventsmith project's build fails. Find the cause and fix it."
        + (output.isEmpty() ? "" : "\nThe build's output:\n```\n" + output + "\n```");
    return result("Fix a failing build", task, skill("fix-a-failing-build"), FIX_TOOLS);
  }

  private String skill(String name) {
    return guides.guideEndingWith("/skills/" + name + "/SKILL.md")
        .or(() -> guides.byUri("eventsmith://guides/AGENTS.md"))
        .map(d -> "Follow this guide (" + d.uri() + "):\n\n" + d.text())
        .orElse("");
  }

  private static GetPromptResult result(String description, String task, String skill, String tools) {
    String text = String.join("\n\n", task, skill.strip(), tools);
    return new GetPromptResult(description, List.of(new PromptMessage(Role.USER, new TextContent(text))));
  }

  private static String text(Map<String, Object> arguments, String name) {
    Object value = arguments == null ? null : arguments.get(name);
    return value == null ? "" : value.toString().strip();
  }
}
