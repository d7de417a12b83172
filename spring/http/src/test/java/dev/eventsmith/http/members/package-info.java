/** The members model of the HTTP module's tests, generated from src/test/eventmodel/members.yaml. */
@EventModel("members.yaml")
package dev.eventsmith.http.members;

import dev.eventsmith.annotation.EventModel;
