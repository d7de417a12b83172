@dev.eventsmith.annotation.EventModel("cards/cards.yaml")
package com.example.cards;
