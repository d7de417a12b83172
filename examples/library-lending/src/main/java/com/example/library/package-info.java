/**
 * A lending library: generated from src/main/eventmodel/library.yaml; the decisions across streams in
 * {@link com.example.library.Borrowing} and the classes beside it.
 */
@EventModel("library.yaml")
package com.example.library;

import dev.eventsmith.annotation.EventModel;
