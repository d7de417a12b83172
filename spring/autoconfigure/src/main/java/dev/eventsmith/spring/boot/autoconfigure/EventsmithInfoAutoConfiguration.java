package dev.eventsmith.spring.boot.autoconfigure;

import dev.eventsmith.runtime.model.AggregateDescriptor;
import dev.eventsmith.runtime.model.AutomationDescriptor;
import dev.eventsmith.runtime.model.ModelDescriptor;
import dev.eventsmith.runtime.model.ViewDescriptor;
import dev.eventsmith.spring.boot.EventsmithModels;
import dev.eventsmith.spring.boot.EventsmithRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The actuator's info about what a service runs: the Eventsmith version, the store, and each
 * model's aggregates, views (with the name their store is opened under), automations and events.
 */
@AutoConfiguration(after = EventsmithAutoConfiguration.class)
@ConditionalOnClass(InfoContributor.class)
@ConditionalOnBean(EventsmithModels.class)
public class EventsmithInfoAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "eventsmithInfoContributor")
  InfoContributor eventsmithInfoContributor(EventsmithModels models, StoreDescription store) {
    Map<String, Object> info = new LinkedHashMap<>();
    String version = EventsmithModels.class.getPackage().getImplementationVersion();
    if (version != null) {
      info.put("version", version);
    }
    Map<String, Object> storeInfo = new LinkedHashMap<>();
    storeInfo.put("type", store.type());
    if (!store.location().isEmpty()) {
      storeInfo.put("location", store.location());
    }
    info.put("store", storeInfo);
    List<Map<String, Object>> described = new ArrayList<>();
    for (ModelDescriptor model : models.all()) {
      described.add(describe(model));
    }
    info.put("models", described);
    Map<String, Object> fixed = Map.copyOf(Map.of("eventsmith", info));
    return builder -> builder.withDetails(fixed);
  }

  private static Map<String, Object> describe(ModelDescriptor model) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("name", model.name());
    described.put("aggregates", model.aggregates().stream().map(AggregateDescriptor::name).toList());
    List<Map<String, String>> views = new ArrayList<>();
    for (ViewDescriptor<?, ?> view : model.views()) {
      views.add(Map.of("name", view.name(), "storedAs", EventsmithRuntime.storedName(view.name())));
    }
    described.put("views", views);
    described.put("automations", model.automations().stream().map(AutomationDescriptor::name).toList());
    described.put("events", new ArrayList<>(new TreeSet<>(model.events().types())));
    described.put("commands", new ArrayList<>(new TreeSet<>(model.commands().commands())));
    return described;
  }
}
