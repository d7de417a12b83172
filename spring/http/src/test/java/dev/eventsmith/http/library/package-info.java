/** The library model of the HTTP module's tests, generated from src/test/eventmodel/library.yaml. */
@EventModel("library.yaml")
package dev.eventsmith.http.library;

import dev.eventsmith.annotation.EventModel;
