package dev.eventsmith.mcp.api;

import dev.eventsmith.mcp.tool.Arguments;
import dev.eventsmith.mcp.tool.InputSchema;
import dev.eventsmith.mcp.tool.Json;
import dev.eventsmith.mcp.tool.ToolError;
import dev.eventsmith.mcp.tool.ToolSpec;
import dev.eventsmith.spec.diagnostic.DiagnosticCode;
import dev.eventsmith.spec.diagnostic.DidYouMean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The public API of the Eventsmith runtime, stores and test kit, read by reflection from the very
 * classes this server carries (so it is exact for that version): what an assistant would otherwise
 * run {@code javap} for. Internal packages ({@code ...internal}) are left out.
 */
public final class RuntimeApi {

  /** The packages users code against, as class path folders. */
  private static final List<String> ROOTS = List.of("dev/eventsmith/runtime/", "dev/eventsmith/annotation/",
      "dev/eventsmith/store/sqlite/", "dev/eventsmith/store/postgres/", "dev/eventsmith/testkit/");

  private final List<Class<?>> types;
  private final String version;

  private RuntimeApi(List<Class<?>> types, String version) {
    this.types = types;
    this.version = version;
  }

  /** The public types on the class path of this server. */
  public static RuntimeApi onClassPath(String version) {
    ClassLoader loader = RuntimeApi.class.getClassLoader();
    TreeSet<String> names = new TreeSet<>();
    for (String root : ROOTS) {
      try {
        for (URL url : Collections.list(loader.getResources(root))) {
          names.addAll(classesUnder(url, root));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the runtime's classes in " + root, e);
      }
    }
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      if (name.contains(".internal.") || name.matches(".*\\$\\d.*")) {
        continue;
      }
      try {
        Class<?> type = Class.forName(name, false, loader);
        if (visible(type)) {
          types.add(type);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // A class whose dependencies this server does not carry is not part of what users call here.
      }
    }
    return new RuntimeApi(List.copyOf(types), version);
  }

  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isSynthetic() || c.isAnonymousClass()) {
        return false;
      }
    }
    return true;
  }

  /** The tool. */
  public ToolSpec tool() {
    return new ToolSpec("runtime_api", "Show the runtime's API",
        "The public API of the Eventsmith runtime (Decider, Decision, Projector, CommandHandler, stores, codecs, "
            + "the test kit) as Java declarations with generics and parameter names, read from the classes of "
            + "this server's Eventsmith version. Without arguments: every public type by package. With 'type': "
            + "that type's declaration and members, with its nested types.",
        InputSchema.object()
            .string("type", false, "A type's simple or full name, e.g. Decision or dev.eventsmith.runtime.Decision; "
                + "a nested type as Decision.Accepted.")
            .string("package", false, "Only the types of this package, e.g. dev.eventsmith.runtime.store.")
            .build(), true, this::answer);
  }

  private Object answer(Arguments arguments) throws ToolError {
    var type = arguments.optionalString("type");
    var pkg = arguments.optionalString("package");
    if (type.isEmpty()) {
      Map<String, List<String>> byPackage = new LinkedHashMap<>();
      types.stream().filter(t -> pkg.isEmpty() || t.getPackageName().equals(pkg.get()))
          .sorted(Comparator.comparing(Class::getName))
          .forEach(t -> byPackage.computeIfAbsent(t.getPackageName(), p -> new ArrayList<>())
              .add(JavaSignatures.kind(t) + " " + JavaSignatures.name(t)));
      if (byPackage.isEmpty()) {
        throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "no public runtime type is in package " + pkg.orElse(""),
            "Leave 'package' out for every package.");
      }
      return Json.object().put("eventsmith", version).put("packages", byPackage).build();
    }
    String wanted = type.get();
    List<Class<?>> found = types.stream().filter(t -> t.getName().replace('$', '.').equals(wanted)
        || JavaSignatures.name(t).equals(wanted)).toList();
    if (found.isEmpty()) {
      throw new ToolError(DiagnosticCode.MCP_UNKNOWN_NAME, "no public runtime type is named " + wanted
          + DidYouMean.suffix(wanted, types.stream().map(JavaSignatures::name).toList()),
          "Call runtime_api without arguments for the list of types.");
    }
    return Json.object().put("eventsmith", version)
        .put("types", found.stream().map(this::describe).toList()).build();
  }

  private Map<String, Object> describe(Class<?> type) {
    return Json.object()
        .put("name", type.getName().replace('$', '.'))
        .put("import", "import " + type.getName().replace('$', '.') + ";")
        .put("declaration", JavaSignatures.declaration(type))
        .put("members", JavaSignatures.members(type))
        .put("nested", Stream.of(type.getDeclaredClasses()).filter(RuntimeApi::visible)
            .map(JavaSignatures::declaration).toList())
        .build();
  }

  private static List<String> classesUnder(URL url, String root) throws IOException {
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        return jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(root) && n.endsWith(".class"))
            .map(RuntimeApi::className).toList();
      }
    }
    try {
      Path folder = Path.of(url.toURI());
      Path base = folder;
      for (int i = root.split("/").length; i > 0; i--) {
        base = base.getParent();
      }
      Path classes = base;
      try (Stream<Path> files = Files.walk(folder)) {
        return files.filter(f -> f.toString().endsWith(".class"))
            .map(f -> className(classes.relativize(f).toString().replace('\\', '/'))).toList();
      }
    } catch (URISyntaxException e) {
      throw new IOException("not a folder: " + url, e);
    }
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }
}
