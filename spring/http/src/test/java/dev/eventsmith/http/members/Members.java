package dev.eventsmith.http.members;

import dev.eventsmith.runtime.Decision;
import org.springframework.stereotype.Component;

/** The members' rules and directory, as beans: a member joins once. */
final class Members {

  private Members() {}

  @Component
  static final class Joining implements MemberDecider<Boolean> {

    @Override
    public Boolean initialState() {
      return false;
    }

    @Override
    public Decision<Join.Emits, Join.Rejects> decide(Join command, Boolean joined) {
      return joined ? Decision.reject(new AlreadyMember())
          : Decision.accept(new MemberJoined(command.memberId(), command.name()));
    }

    @Override
    public Boolean evolve(Boolean joined, MemberJoined event) {
      return true;
    }
  }

  @Component
  static final class DirectoryRows implements DirectoryProjector {

    @Override
    public Directory initial(String memberId) {
      return new Directory(memberId, new Name(""));
    }

    @Override
    public Directory project(Directory view, MemberJoined event) {
      return new Directory(event.memberId(), event.name());
    }
  }
}
