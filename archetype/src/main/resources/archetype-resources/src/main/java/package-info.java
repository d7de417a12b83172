/** The club: generated from src/main/eventmodel/club.yaml, logic in {@link ${package}.Member}. */
@EventModel("club.yaml")
package ${package};

import dev.eventsmith.annotation.EventModel;
