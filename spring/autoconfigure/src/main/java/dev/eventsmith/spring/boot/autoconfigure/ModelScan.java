package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.model.ModelDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the generated {@code <Model>Model} classes in the application's packages (those of its
 * {@code @SpringBootApplication}), as Spring Data finds repositories: no configuration for the
 * usual layout, where the model's package is under the application's.
 */
final class ModelScan {

  private ModelScan() {}

  static List<ModelDescriptor> in(List<String> packages, ClassLoader loader) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(ModelDescriptor.class));
    Map<String, ModelDescriptor> found = new LinkedHashMap<>();
    for (String pkg : packages) {
      for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
        String name = candidate.getBeanClassName();
        found.computeIfAbsent(name, n -> instance(n, loader));
      }
    }
    List<ModelDescriptor> models = new ArrayList<>(found.values());
    models.sort(Comparator.comparing(ModelDescriptor::name));
    return models;
  }

  private static ModelDescriptor instance(String className, ClassLoader loader) {
    try {
      Class<?> type = ClassUtils.forName(className, loader);
      Field instance = type.getField("INSTANCE");
      if (!Modifier.isStatic(instance.getModifiers())) {
        throw new IllegalStateException(className + ".INSTANCE is not static; is it a generated model class?");
      }
      return (ModelDescriptor) instance.get(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot use the model " + className + " found in the application's packages: "
          + e + "; rebuild it with the same Eventsmith version, or declare the models to run as ModelDescriptor beans",
          e);
    }
  }
}
