package com.example.library;

import dev.eventsmith.runtime.Decision;

/** The member's own stream: a name that changes, decided on the events registration appended there too. */
public final class Member implements MemberDecider<Member.State> {

  /** Whether the member was registered. */
  public record State(boolean registered) {}

  @Override
  public State initialState() {
    return new State(false);
  }

  @Override
  public Decision<RenameMember.Emits, RenameMember.Rejects> decide(RenameMember command, State state) {
    if (!state.registered()) {
      return Decision.reject(new MemberNotRegistered());
    }
    return Decision.accept(new MemberRenamed(command.member(), command.name()));
  }

  @Override
  public State evolve(State state, MemberRegistered event) {
    return new State(true);
  }

  @Override
  public State evolve(State state, MemberRenamed event) {
    return state;
  }
}
