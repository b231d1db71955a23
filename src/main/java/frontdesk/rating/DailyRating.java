package frontdesk.rating;

import java.time.LocalDate;

/**
 * The ratings given on one day.
 *
 * @param day the day, in the zone asked for
 * @param count how many ratings
 * @param average their mean
 */
public record DailyRating(LocalDate day, int count, double average) {
}
