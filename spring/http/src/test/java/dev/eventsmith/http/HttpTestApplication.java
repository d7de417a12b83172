package dev.eventsmith.http;

import dev.eventsmith.http.library.LendBook;
import dev.eventsmith.runtime.command.CommandInterceptor;
import dev.eventsmith.runtime.store.ExpectedVersion;
import dev.eventsmith.runtime.store.StoreUnavailableException;
import dev.eventsmith.runtime.store.WrongExpectedVersionException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service of the HTTP module's tests: the library and members models, found in its packages,
 * on the in-memory store. Lending a book to member {@code contested} loses every race, and to
 * member {@code offline} finds the store unavailable: the two failures a client cannot cause.
 */
@SpringBootApplication
public class HttpTestApplication {

  /** Fails a {@link LendBook} to {@code contested} or {@code offline} as the store would. */
  @Bean
  CommandInterceptor failingStore() {
    return (command, metadata, next) -> {
      if (command instanceof LendBook lend && lend.member().equals("contested")) {
        throw new WrongExpectedVersionException(command.streamId(), ExpectedVersion.exactly(1), 2);
      }
      if (command instanceof LendBook lend && lend.member().equals("offline")) {
        throw new StoreUnavailableException("the test's store is offline", null);
      }
      return next.handle(metadata);
    };
  }
}
