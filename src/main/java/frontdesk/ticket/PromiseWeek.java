package frontdesk.ticket;

import java.time.LocalDate;

/**
 * How the promises of one week's requests for a person went.
 *
 * @param weekOf the Monday the week starts on
 * @param settled requests whose promise was kept or broken by now
 * @param kept requests answered by a person within their promise
 */
public record PromiseWeek(LocalDate weekOf, int settled, int kept) {
}
