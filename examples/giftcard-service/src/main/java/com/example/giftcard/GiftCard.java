package com.example.giftcard;

import dev.eventsmith.runtime.Decision;
import org.springframework.stereotype.Component;

/** A gift card's rules: issued once, redeemed while the balance lasts. */
@Component
public final class GiftCard implements GiftCardDecider<GiftCard.State> {

  /** Whether the card exists, and what is left on it. */
  public record State(boolean issued, int balance) {}

  @Override
  public State initialState() {
    return new State(false, 0);
  }

  @Override
  public Decision<IssueCard.Emits, IssueCard.Rejects> decide(IssueCard command, State state) {
    if (state.issued()) {
      return Decision.reject(new CardAlreadyIssued());
    }
    return Decision.accept(new CardIssued(command.cardId(), command.amount(), command.holder()));
  }

  @Override
  public Decision<RedeemCard.Emits, RedeemCard.Rejects> decide(RedeemCard command, State state) {
    if (!state.issued()) {
      return Decision.reject(new UnknownCard());
    }
    if (command.amount() > state.balance()) {
      return Decision.reject(new InsufficientBalance(state.balance()));
    }
    return Decision.accept(new CardRedeemed(command.cardId(), command.amount()));
  }

  @Override
  public State evolve(State state, CardIssued event) {
    return new State(true, event.amount());
  }

  @Override
  public State evolve(State state, CardRedeemed event) {
    return new State(true, state.balance() - event.amount());
  }
}
