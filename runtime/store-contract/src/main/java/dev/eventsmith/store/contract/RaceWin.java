package dev.eventsmith.store.contract;

import dev.eventsmith.runtime.store.AppendResult;

/** One append that won a race: it expected {@code expected} and wrote events tagged {@code tag}. */
record RaceWin(long expected, String tag, AppendResult result) {}
