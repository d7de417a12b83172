package com.example.library;

import dev.eventsmith.runtime.Decision;

/**
 * Registers a member once. Decided across streams rather than by the {@code Member} aggregate: the
 * event must carry the member's tag for borrowing to see it, and an aggregate's events carry none.
 */
public final class Registration implements RegisterMemberDecision<Boolean> {

  @Override
  public Boolean initialState(RegisterMember command) {
    return false;
  }

  @Override
  public Boolean evolve(Boolean registered, MemberRegistered event) {
    return true;
  }

  @Override
  public Decision<RegisterMember.Emits, RegisterMember.Rejects> decide(RegisterMember command, Boolean registered) {
    if (registered) {
      return Decision.reject(new MemberExists());
    }
    return Decision.accept(new MemberRegistered(command.member(), command.name()));
  }
}
