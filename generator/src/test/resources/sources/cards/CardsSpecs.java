package com.example.cards;

@dev.eventsmith.annotation.EventModelSpecs("cards/cards.yaml")
final class CardsSpecs {}
