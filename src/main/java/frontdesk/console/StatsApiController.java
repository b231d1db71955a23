package frontdesk.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import frontdesk.rating.RatingFigures;
import frontdesk.stats.Statistics;
import frontdesk.stats.Stats;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats?days=N}: the figures of {@code /stats} as JSON, for scripts (HTTP Basic) and the signed-in
 * console.
 */
@RestController
class StatsApiController {

	static final String BAD_DAYS = "days must be a whole number from 1 to " + Statistics.MAX_DAYS;

	private final Statistics statistics;

	StatsApiController(Statistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping(path = "/api/stats", produces = "application/json")
	ResponseEntity<?> stats(@RequestParam(defaultValue = "7") String days) {
		int period;
		try {
			period = Integer.parseInt(days.strip());
		}
		catch (NumberFormatException ex) {
			period = 0;
		}
		if (period < 1 || period > Statistics.MAX_DAYS) {
			return ResponseEntity.badRequest().body(Map.of("error", BAD_DAYS + ", not '" + days + "'"));
		}
		return ResponseEntity.ok(StatsJson.of(statistics.lastDays(period)));
	}

	/** The figures as the JSON names them. */
	record StatsJson(int days, String from, String to, long conversations, long botOnly, double botOnlyShare,
			Requests requests, Promises promises, int firstResponses, Long medianFirstResponseSeconds,
			Long medianOpenFirstResponseSeconds, Ratings ratings, List<Unanswered> unanswered) {

		static StatsJson of(Stats stats) {
			Duration median = stats.tickets().medianFirstResponse();
			Duration openMedian = stats.tickets().medianOpenFirstResponse();
			return new StatsJson(stats.days(), stats.from().toString(), stats.to().toString(),
					stats.conversations().conversations(), stats.conversations().botOnly(), round(stats.botOnlyShare()),
					new Requests(stats.tickets().total(), stats.tickets().inHours(), stats.tickets().afterHours()),
					new Promises(stats.tickets().promisesSettled(), stats.tickets().promisesKept(),
							round(stats.promisesKeptShare())),
					stats.tickets().firstResponses(), median == null ? null : median.toSeconds(),
					openMedian == null ? null : openMedian.toSeconds(),
					new Ratings(Scores.of(stats.ratings().all()), Scores.of(stats.ratings().botOnly()),
							Scores.of(stats.ratings().withStaff())),
					stats.conversations().unanswered().stream()
						.map(question -> new Unanswered(question.text(), question.times(), question.bestGuess()))
						.toList());
		}

		private static double round(double share) {
			return Math.round(share * 1000) / 1000.0;
		}
	}

	record Requests(int total, int inHours, int afterHours) {
	}

	record Promises(int settled, int kept, double keptShare) {
	}

	record Ratings(Scores all, Scores botOnly, Scores withStaff) {
	}

	/** Some ratings: the average is {@code null} when there are none; the distribution counts 1 to 5. */
	record Scores(int count, Double average, List<Integer> distribution) {

		static Scores of(RatingFigures.Scores scores) {
			return new Scores(scores.count(),
					scores.count() == 0 ? null : Math.round(scores.average() * 100) / 100.0, scores.distribution());
		}
	}

	record Unanswered(String text, long times, String bestGuess) {
	}
}
