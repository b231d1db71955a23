package frontdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import frontdesk.hours.BusinessHours;
import frontdesk.hours.HoursSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the team to its promises: reminds the staff before a promise is due, says when one was missed, and at each
 * opening sums up the tickets that came in while the business was closed. What was announced is recorded (on the
 * ticket, or as the time of the last summary) in the same transaction as the event's publication, so each goes out
 * once, even across restarts. Each ticket and the summary have a transaction of their own, so one failure holds up
 * nothing else.
 */
@Component
public class PromiseWatch {

	private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);

	private final TicketRepository tickets;

	private final WatchStateRepository state;

	private final BusinessHours hours;

	private final HoursSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	PromiseWatch(TicketRepository tickets, WatchStateRepository state, BusinessHours hours, HoursSettings settings,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.tickets = tickets;
		this.state = state;
		this.hours = hours;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${frontdesk.hours.check-every:30s}",
			initialDelayString = "${frontdesk.hours.check-every:30s}")
	public void check() {
		Instant now = clock.instant();
		List<Long> dueSoon = transactions.execute(status -> tickets
			.findByStatusInAndFollowUpFalseAndFirstResponseAtIsNullAndMissedAtIsNullAndPromisedByBeforeOrderById(Tickets.OPEN,
					now.plus(settings.remindBefore()).plusNanos(1))
			.stream()
			.filter(ticket -> dueSoon(ticket.promisedBy(), now))
			.map(Ticket::id)
			.toList());
		for (Long id : dueSoon) {
			inOwnTransaction(() -> tickets.findById(id).ifPresent(ticket -> {
				boolean announced = now.isAfter(ticket.promisedBy()) ? ticket.miss(now) : ticket.remind(now);
				if (announced) {
					tickets.save(ticket);
				}
			}));
		}
		inOwnTransaction(() -> summariseOpening(now));
	}

	/**
	 * Whether a promise has passed, or is due within the reminder's lead in the opening it falls in: the reminder comes
	 * while the staff are there, not in a lunch break or a night before. A promise due 15 minutes after Saturday's
	 * opening is reminded of when it opens, not on Friday evening, which may be days before after a holiday.
	 */
	private boolean dueSoon(Instant promisedBy, Instant now) {
		Duration left = Duration.between(now, promisedBy);
		return left.isNegative() || left.isZero()
				|| left.compareTo(settings.remindBefore()) <= 0 && hours.openTimeBetween(now, promisedBy).equals(left);
	}

	/** At the first look after the business opened, the tickets from the closed period, oldest first. */
	private void summariseOpening(Instant now) {
		WatchState watch = state.findById(WatchState.ID).orElseThrow();
		boolean opened = openedBetween(watch.lastCheckedAt(), now);
		watch.checkedAt(now);
		if (!opened) {
			return;
		}
		List<TicketView> waiting = tickets
			.findByStatusInAndFirstResponseAtIsNullAndAfterHoursTrueAndRequestedAtAfterOrderById(Tickets.OPEN,
					watch.lastSummaryAt())
			.stream()
			.map(ticket -> ticket.view(tickets.positionOf(ticket)))
			.toList();
		watch.summarisedAt(now);
		if (!waiting.isEmpty()) {
			events.publishEvent(new OpeningSummary(now, waiting));
		}
	}

	/** Whether the business opened after the given time and by now, even if the app was not running then. */
	private boolean openedBetween(Instant last, Instant now) {
		try {
			return hours.isOpen(now) && !hours.nextOpening(last).isAfter(now);
		}
		catch (IllegalStateException alwaysOpen) {
			return false;
		}
	}

	private void inOwnTransaction(Runnable work) {
		try {
			transactions.executeWithoutResult(status -> work.run());
		}
		catch (DataAccessException ex) {
			log.warn("The promise watch could not record a check; it tries again at the next one", ex);
		}
	}
}
