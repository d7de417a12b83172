/** Gift cards as a service: generated from src/main/eventmodel/giftcards.yaml, rules in {@link com.example.giftcard.GiftCard}. */
@EventModel("giftcards.yaml")
package com.example.giftcard;

import dev.eventsmith.annotation.EventModel;
