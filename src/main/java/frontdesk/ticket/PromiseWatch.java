package frontdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import frontdesk.hours.BusinessHours;
import frontdesk.hours.HoursSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds the team to its promises: reminds the staff before a promise is due, says when one was missed, and at each
 * opening sums up the tickets that came in while the business was closed. What was announced is stored with the
 * ticket in the same transaction as the event's publication, so each is announced once, even across restarts.
 */
@Component
public class PromiseWatch {

	private final TicketRepository tickets;

	private final WatchStateRepository state;

	private final BusinessHours hours;

	private final HoursSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PromiseWatch(TicketRepository tickets, WatchStateRepository state, BusinessHours hours, HoursSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.state = state;
		this.hours = hours;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${frontdesk.hours.check-every:30s}")
	@Transactional
	public void check() {
		Instant now = clock.instant();
		List<Ticket> dueSoon = tickets.findByStatusInAndFirstResponseAtIsNullAndPromisedByBeforeOrderById(Tickets.OPEN,
				now.plus(settings.remindBefore()).plusNanos(1));
		for (Ticket ticket : dueSoon) {
			if (ticket.promisedBy().isAfter(now)) {
				ticket.remind(now);
			}
			else {
				ticket.miss(now);
			}
			tickets.save(ticket);
		}
		summariseOpening(now);
	}

	/** At the first look after the business opened, the tickets from the closed period, oldest first. */
	private void summariseOpening(Instant now) {
		WatchState watch = state.findById(WatchState.ID).orElseGet(() -> state.save(new WatchState(now)));
		boolean opened = !hours.isOpen(watch.lastCheckedAt()) && hours.isOpen(now);
		watch.checkedAt(now);
		if (!opened) {
			return;
		}
		List<TicketView> waiting = tickets.findByStatusAndAfterHoursTrueOrderById(Ticket.Status.WAITING)
			.stream()
			.map(ticket -> ticket.view((int) tickets.countByStatusAndIdLessThan(Ticket.Status.WAITING, ticket.id()) + 1))
			.toList();
		if (!waiting.isEmpty()) {
			events.publishEvent(new OpeningSummary(now, waiting));
		}
	}
}
