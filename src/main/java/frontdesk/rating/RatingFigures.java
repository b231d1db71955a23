package frontdesk.rating;

import java.util.List;

/**
 * The ratings of a period: all of them, and split by whether the customer asked for a person.
 *
 * @param all every rating
 * @param botOnly ratings of conversations the bot handled alone, with no request for a person
 * @param withStaff ratings of conversations in which the customer asked for a person (answered or not)
 */
public record RatingFigures(Scores all, Scores botOnly, Scores withStaff) {

	/**
	 * Some ratings.
	 *
	 * @param count how many
	 * @param average their mean, 0 when there are none
	 * @param distribution how many of each score, from 1 to 5
	 */
	public record Scores(int count, double average, List<Integer> distribution) {

		static Scores of(List<Integer> scores) {
			Integer[] counts = { 0, 0, 0, 0, 0 };
			scores.forEach(score -> counts[score - 1]++);
			double average = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
			return new Scores(scores.size(), average, List.of(counts));
		}
	}
}
