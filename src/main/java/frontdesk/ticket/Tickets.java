package frontdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import frontdesk.hours.BusinessHours;
import frontdesk.hours.HoursSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of requests for a person: opens tickets with their promise, strictly first come, first served.
 */
@Service
@Transactional
public class Tickets {

	static final Set<Ticket.Status> OPEN = EnumSet.of(Ticket.Status.WAITING, Ticket.Status.TAKEN);

	private final TicketRepository tickets;

	private final BusinessHours hours;

	private final HoursSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Tickets(TicketRepository tickets, BusinessHours hours, HoursSettings settings, ApplicationEventPublisher events,
			Clock clock) {
		this.tickets = tickets;
		this.hours = hours;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a ticket for the conversation, with its promise, or returns the one already open: a conversation has at
	 * most one open ticket.
	 */
	public TicketView open(Long conversationId, Long customerId) {
		return open(conversationId, customerId, false);
	}

	/**
	 * Opens a ticket the staff ask for themselves, to follow up a customer's bad rating (or returns the one already
	 * open): handled like any other, but not counted among the customers' requests in the figures.
	 */
	public TicketView openFollowUp(Long conversationId, Long customerId) {
		return open(conversationId, customerId, true);
	}

	private TicketView open(Long conversationId, Long customerId, boolean followUp) {
		Optional<Ticket> open = tickets.findFirstByConversationIdAndStatusIn(conversationId, OPEN);
		if (open.isPresent()) {
			return view(open.get());
		}
		Instant now = clock.instant();
		Ticket ticket = new Ticket(conversationId, customerId, !hours.isOpen(now), now,
				hours.plusOpenTime(now, settings.responseTime()));
		TicketView view = view(tickets.save(followUp ? ticket.followingUp() : ticket));
		events.publishEvent(new TicketOpened(view));
		return view;
	}

	/** The customer's open ticket, if they have one. */
	@Transactional(readOnly = true)
	public Optional<TicketView> openForCustomer(Long customerId) {
		return tickets.findFirstByCustomerIdAndStatusIn(customerId, OPEN).map(this::view);
	}

	/** Whether the request is still open and no staff member has answered it yet. */
	@Transactional(readOnly = true)
	public boolean awaitsAnswer(long ticketId) {
		return tickets.findById(ticketId).map(ticket -> ticket.isOpen() && ticket.firstResponseAt() == null)
			.orElse(false);
	}

	/** A ticket, whatever its state. */
	@Transactional(readOnly = true)
	public Optional<TicketView> find(long ticketId) {
		return tickets.findById(ticketId).map(this::view);
	}

	/** The conversation's open ticket, if it has one. */
	@Transactional(readOnly = true)
	public Optional<TicketView> openFor(Long conversationId) {
		return tickets.findFirstByConversationIdAndStatusIn(conversationId, OPEN).map(this::view);
	}

	/** The customer no longer needs a person. */
	public Optional<TicketView> withdraw(Long conversationId) {
		return tickets.findFirstByConversationIdAndStatusIn(conversationId, OPEN).map(ticket -> {
			TicketView view = view(ticket);
			ticket.withdraw(clock.instant());
			tickets.save(ticket);
			return view;
		});
	}

	/**
	 * A staff member closed the ticket.
	 * @return the ticket as it was before, or empty if it was not open
	 */
	public Optional<TicketView> close(long ticketId, StaffMember staff) {
		return tickets.findById(ticketId).filter(Ticket::isOpen).map(ticket -> {
			TicketView view = view(ticket);
			ticket.close(staff, clock.instant());
			tickets.save(ticket);
			return view;
		});
	}

	/** The conversation ended without staff closing it: its open ticket, if any, is closed. */
	public void closeFor(Long conversationId, TicketEnded.Ending ending) {
		tickets.findFirstByConversationIdAndStatusIn(conversationId, OPEN).ifPresent(ticket -> {
			ticket.close(ending, clock.instant());
			tickets.save(ticket);
		});
	}

	/**
	 * A staff member answered the customer just now: takes the ticket if nobody has, and settles the promise.
	 * @return the ticket as it is now
	 */
	public Optional<TicketView> staffReplied(long ticketId, StaffMember staff) {
		return staffReplied(ticketId, staff, clock.instant());
	}

	/**
	 * A staff member answered the customer at the given time, which may be a while ago: the channel kept the message
	 * while Frontdesk was not running, say. The promise is settled by when they wrote (no later than now).
	 * @return the ticket as it is now
	 */
	public Optional<TicketView> staffReplied(long ticketId, StaffMember staff, Instant wroteAt) {
		return tickets.findById(ticketId).filter(Ticket::isOpen).map(ticket -> {
			ticket.staffReplied(staff, wroteAt, clock.instant());
			return view(ticket);
		});
	}

	/**
	 * A staff member takes the ticket; nothing changes if someone else has it.
	 * @return the ticket as it is now (with who has it), or empty if there is no such open ticket
	 */
	public Optional<TicketView> tryTake(long ticketId, StaffMember staff) {
		return tickets.findById(ticketId).filter(Ticket::isOpen).map(ticket -> {
			ticket.take(staff, clock.instant());
			return view(ticket);
		});
	}

	/**
	 * A staff member takes the ticket over, from whoever has it.
	 * @return the ticket as it is now, or empty if there is no such open ticket
	 */
	public Optional<TicketView> takeOver(long ticketId, StaffMember staff) {
		return tickets.findById(ticketId).filter(Ticket::isOpen).map(ticket -> {
			ticket.takeOver(staff, clock.instant());
			return view(ticket);
		});
	}

	/** The ids of every request the customer made, or the staff made for them. */
	@Transactional(readOnly = true)
	public List<Long> idsOf(Long customerId) {
		return tickets.findByCustomerId(customerId).stream().map(Ticket::id).toList();
	}

	/** The request that has waited longest for a person with no one on it yet, if there is one. */
	@Transactional(readOnly = true)
	public Optional<TicketView> longestWaiting() {
		return tickets.findFirstByStatusOrderById(Ticket.Status.WAITING).map(this::view);
	}

	/** The requests for a person made in a period, and how the promises went. */
	@Transactional(readOnly = true)
	public TicketFigures figures(Instant from, Instant to) {
		List<Ticket> made = requested(from, to);
		int afterHours = (int) made.stream().filter(Ticket::afterHours).count();
		int settled = (int) made.stream().filter(ticket -> ticket.promiseKept() != null).count();
		int kept = (int) made.stream().filter(ticket -> Boolean.TRUE.equals(ticket.promiseKept())).count();
		List<Ticket> answered = made.stream().filter(ticket -> ticket.firstResponseAt() != null).toList();
		List<Duration> responses = answered.stream()
			.map(ticket -> Duration.between(ticket.requestedAt(), ticket.firstResponseAt()))
			.sorted()
			.toList();
		List<Duration> openResponses = answered.stream()
			.map(ticket -> hours.openTimeBetween(ticket.requestedAt(), ticket.firstResponseAt()))
			.sorted()
			.toList();
		return new TicketFigures(made.size() - afterHours, afterHours, settled, kept, responses.size(), median(responses),
				median(openResponses));
	}

	/**
	 * The open requests, first come first served: those waiting for a person with their place in the queue, and those
	 * a staff member has.
	 */
	@Transactional(readOnly = true)
	public List<TicketTimeline> queue() {
		List<TicketTimeline> queue = new ArrayList<>();
		int waiting = 0;
		for (Ticket ticket : tickets.findByStatusInOrderById(OPEN)) {
			queue.add(ticket.timeline(ticket.status() == Ticket.Status.WAITING ? ++waiting : 0));
		}
		return queue;
	}

	/** The requests of a conversation, oldest first. */
	@Transactional(readOnly = true)
	public List<TicketTimeline> historyOf(Long conversationId) {
		return tickets.findByConversationIdOrderById(conversationId).stream().map(this::timeline).toList();
	}

	/** The requests that ended last (closed or withdrawn), the latest first. */
	@Transactional(readOnly = true)
	public List<TicketTimeline> lastEnded(int count) {
		return tickets.findByClosedAtNotNullOrderByClosedAtDescIdDesc(Limit.of(count))
			.stream()
			.map(this::timeline)
			.toList();
	}

	/**
	 * How the promises went, week by week (weeks start on Monday in the given zone), for the requests made in a period.
	 * Weeks with no settled promise are left out.
	 */
	@Transactional(readOnly = true)
	public List<PromiseWeek> promisesPerWeek(Instant from, Instant to, ZoneId zone) {
		Map<LocalDate, int[]> weeks = new TreeMap<>();
		for (Ticket ticket : requested(from, to)) {
			if (ticket.promiseKept() != null) {
				LocalDate monday = ticket.requestedAt().atZone(zone).toLocalDate()
					.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				int[] counts = weeks.computeIfAbsent(monday, week -> new int[2]);
				counts[0]++;
				counts[1] += ticket.promiseKept() ? 1 : 0;
			}
		}
		return weeks.entrySet().stream().map(week -> new PromiseWeek(week.getKey(), week.getValue()[0], week.getValue()[1]))
			.toList();
	}

	/** The requests customers made in a period (not the staff's follow-ups). */
	private List<Ticket> requested(Instant from, Instant to) {
		return tickets.findByRequestedAtGreaterThanEqualAndRequestedAtLessThan(from, to)
			.stream()
			.filter(Ticket::askedByCustomer)
			.toList();
	}

	private static Duration median(List<Duration> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}

	private TicketTimeline timeline(Ticket ticket) {
		return ticket.timeline(tickets.positionOf(ticket));
	}

	private TicketView view(Ticket ticket) {
		return ticket.view(tickets.positionOf(ticket));
	}
}
