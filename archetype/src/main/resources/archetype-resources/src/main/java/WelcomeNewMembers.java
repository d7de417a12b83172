package ${package};

import java.util.List;

/** When a member registers, send them a welcome. */
public final class WelcomeNewMembers implements WelcomeNewMembersAutomation {

  @Override
  public List<Issues> react(MemberRegistered event) {
    return List.of(new SendWelcome(event.memberId()));
  }
}
