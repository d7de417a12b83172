package ${package};

import java.util.UUID;

/** Keeps one row per member: their name, and whether they were welcomed. */
public final class MemberDirectoryProjection implements MemberDirectoryProjector {

  @Override
  public MemberDirectory initial(UUID memberId) {
    return new MemberDirectory(memberId, "", false);
  }

  @Override
  public MemberDirectory project(MemberDirectory row, MemberRegistered event) {
    return new MemberDirectory(event.memberId(), event.name(), false);
  }

  @Override
  public MemberDirectory project(MemberDirectory row, WelcomeSent event) {
    return new MemberDirectory(row.memberId(), row.name(), true);
  }
}
