package dev.eventsmith.school;

import dev.eventsmith.runtime.command.CommandInterceptor;
import dev.eventsmith.runtime.dcb.AppendCondition;
import dev.eventsmith.runtime.dcb.AppendConditionFailedException;
import dev.eventsmith.runtime.dcb.EventQuery;
import dev.eventsmith.runtime.dcb.QueryItem;
import java.util.Set;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service of the school model alone: its logic beans and its generated {@code SchoolModel}.
 * Subscribing student {@code contested} loses every race, as the store would make it.
 */
@SpringBootApplication
public class SchoolService {

  /** Fails a {@link SubscribeStudent} of {@code contested} as a store whose condition always fails would. */
  @Bean
  CommandInterceptor contested() {
    return (command, metadata, next) -> {
      if (command instanceof SubscribeStudent subscribe && subscribe.student().equals("contested")) {
        throw new AppendConditionFailedException(new AppendCondition(
            EventQuery.of(QueryItem.of(Set.of(), "course:" + subscribe.course())), 0));
      }
      return next.handle(metadata);
    };
  }
}
