/**
 * The school model of the HTTP module's tests (commands decided across streams beside an
 * aggregate command), generated from src/test/eventmodel/school.yaml; its own service, outside
 * the packages of {@code HttpTestApplication}.
 */
@EventModel("school.yaml")
package dev.eventsmith.school;

import dev.eventsmith.annotation.EventModel;
