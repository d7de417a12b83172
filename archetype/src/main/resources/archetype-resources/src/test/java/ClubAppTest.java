package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventsmith.runtime.projection.InMemoryViewStore;
import dev.eventsmith.runtime.store.InMemoryEventStore;
import dev.eventsmith.runtime.store.RecordedEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wiring of ClubApp: commands, automation and view work together on one store. */
class ClubAppTest {

  @Test
  void registersWelcomesAndListsEachMemberOnce() {
    InMemoryEventStore store = new InMemoryEventStore();
    InMemoryViewStore<UUID, MemberDirectory> directory = new InMemoryViewStore<>();
    ClubApp.run(store, directory);
    ClubApp.run(store, directory);

    List<String> types = store.readAll(0, 100).stream().map(RecordedEvent::type).toList();
    assertEquals(List.of("MemberRegistered", "MemberRegistered", "WelcomeSent", "WelcomeSent"), types);
    assertEquals(2, directory.all().size());
    directory.all().values().forEach(row -> assertEquals(true, row.welcomed(), row.toString()));
  }
}
