package ${package};

import dev.eventsmith.runtime.Decision;

/** A member's rules: what each command decides, and how each event changes what they know. */
public final class Member implements MemberDecider<Member.State> {

  /** What the rules know about one member: registered or not, where to write, welcomed or not. */
  public record State(boolean registered, String email, boolean welcomed) {}

  @Override
  public State initialState() {
    return new State(false, "", false);
  }

  @Override
  public Decision<RegisterMember.Emits, RegisterMember.Rejects> decide(RegisterMember command, State state) {
    if (state.registered()) {
      return Decision.reject(new MemberAlreadyRegistered());
    }
    return Decision.accept(new MemberRegistered(command.memberId(), command.name(), command.email()));
  }

  @Override
  public Decision<SendWelcome.Emits, SendWelcome.Rejects> decide(SendWelcome command, State state) {
    if (!state.registered()) {
      return Decision.reject(new MemberNotFound());
    }
    if (state.welcomed()) {
      return Decision.reject(new WelcomeAlreadySent());
    }
    return Decision.accept(new WelcomeSent(command.memberId(), new Email(state.email())));
  }

  @Override
  public State evolve(State state, MemberRegistered event) {
    return new State(true, event.email().value(), false);
  }

  @Override
  public State evolve(State state, WelcomeSent event) {
    return new State(state.registered(), state.email(), true);
  }
}
