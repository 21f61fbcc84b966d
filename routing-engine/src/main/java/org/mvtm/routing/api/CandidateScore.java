package org.mvtm.routing.api;

import java.time.Duration;
import org.mvtm.core.id.AgentId;

/**
 * One advisor considered for an assignment.
 *
 * @param skillScore mean level (1..10) the advisor holds in the effective requirements; 0 when not eligible
 * @param idle       how long the advisor had been idle when the decision was taken
 * @param load       fraction of the advisor's capacity in use (0..1)
 * @param note       why the advisor was or was not eligible (e.g. "lacks product.cards>=5")
 */
public record CandidateScore(AgentId advisor, boolean eligible, double skillScore, Duration idle, double load, String note) {
}
