package dev.eventsmith.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The compiled classes of a build's output folder (e.g. {@code target/classes}), read from their
 * bytes, and which of them implement a given interface.
 */
final class CompiledClasses {

  private final Map<String, ClassFile> byName;

  private CompiledClasses(Map<String, ClassFile> byName) {
    this.byName = byName;
  }

  /** Reads every class file under {@code root}; a missing folder holds no classes. */
  static CompiledClasses scan(Path root) {
    Map<String, ClassFile> classes = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return new CompiledClasses(classes);
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String fileName = file.getFileName().toString();
        if (fileName.equals("module-info.class") || fileName.equals("package-info.class")) {
          continue;
        }
        ClassFile type = ClassFile.read(Files.readAllBytes(file));
        classes.put(type.name(), type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the compiled classes in " + root + ": " + e.getMessage(), e);
    }
    return new CompiledClasses(classes);
  }

  Optional<ClassFile> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The top-level concrete classes of {@code packageName} that implement {@code contract}, by name. */
  List<ClassFile> implementationsOf(String contract, String packageName) {
    return byName.values().stream()
        .filter(type -> packageOf(type.name()).equals(packageName))
        .filter(type -> type.concrete() && !type.nested())
        .filter(type -> implementsContract(type, contract))
        .toList();
  }

  /** Follows superclasses and super-interfaces as far as this folder knows them. */
  private boolean implementsContract(ClassFile type, String contract) {
    Deque<String> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    pending.add(type.name());
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (name.equals(contract)) {
        return true;
      }
      if (seen.add(name)) {
        ClassFile known = byName.get(name);
        if (known != null) {
          pending.addAll(known.interfaces());
          if (!known.superName().isEmpty()) {
            pending.add(known.superName());
          }
        }
      }
    }
    return false;
  }

  static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }
}
