package dev.eventsmith.generator;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes a compile-testing compilation wrote, in memory, to run generated tests. */
final class CompiledClassLoader extends ClassLoader {

  private final Map<String, JavaFileObject> classes = new HashMap<>();

  CompiledClassLoader(Compilation compilation) {
    super(CompiledClassLoader.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String name = file.getName();
        String binary = name.substring(name.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
            name.length() - ".class".length()).replace('/', '.');
        classes.put(binary, file);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JavaFileObject file = classes.get(name);
    if (file == null) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = file.openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one test method of a (package-private) generated test class; exceptions propagate wrapped. */
  static void invoke(Class<?> type, Method method) throws Exception {
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    method.setAccessible(true);
    method.invoke(constructor.newInstance());
  }
}
