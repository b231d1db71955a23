package frontdesk.ticket;

import java.time.Duration;

/**
 * The requests for a person made in a period.
 *
 * @param inHours requests made while the business was open
 * @param afterHours requests made while it was closed
 * @param promisesSettled requests whose promise was kept or broken by now (answered, or past due unanswered)
 * @param promisesKept requests answered by a person within their promise
 * @param firstResponses requests a person answered
 * @param medianFirstResponse the median time from request to first staff reply, or {@code null} with none
 * @param medianOpenFirstResponse the same counting only the time the business was open, as the promise counts it, or
 * {@code null} with none
 */
public record TicketFigures(int inHours, int afterHours, int promisesSettled, int promisesKept, int firstResponses,
		Duration medianFirstResponse, Duration medianOpenFirstResponse) {

	public int total() {
		return inHours + afterHours;
	}
}
