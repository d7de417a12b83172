/** Gift cards: generated from src/main/eventmodel/giftcard.yaml. */
@EventModel("giftcard.yaml")
package com.example.giftcard;

import dev.eventsmith.annotation.EventModel;
