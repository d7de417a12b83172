/** A football match: generated from src/main/eventmodel/football.yaml, logic in {@link com.example.football.Match}. */
@EventModel("football.yaml")
package com.example.football;

import dev.eventsmith.annotation.EventModel;
