package frontdesk.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Inbound;
import frontdesk.conversation.TranscriptLine;
import frontdesk.hours.BusinessHours;
import frontdesk.staff.StaffDesk;
import frontdesk.ticket.StaffMember;
import frontdesk.ticket.TicketTimeline;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;
import frontdesk.text.Cut;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queue: open requests for a person, first come first served, with what each is waiting for; and Take, Reply and
 * Close, which work as in the staff group.
 */
@Controller
class QueueController {

	/** Closed requests listed under the queue. */
	static final int RECENT = 15;

	private final Tickets tickets;

	private final ConversationService conversations;

	private final ConsoleDesk desk;

	private final ConsoleUsers users;

	private final BusinessHours hours;

	private final Clock clock;

	QueueController(Tickets tickets, ConversationService conversations, ConsoleDesk desk, ConsoleUsers users,
			BusinessHours hours, Clock clock) {
		this.tickets = tickets;
		this.conversations = conversations;
		this.desk = desk;
		this.users = users;
		this.hours = hours;
		this.clock = clock;
	}

	/**
	 * An open request as the queue shows it.
	 *
	 * @param due how the promise stands: time left, overdue, or answered
	 * @param overdue whether the promise passed with no answer
	 * @param holder who has it, or {@code null} while it waits
	 * @param lastLine the customer's latest message, or {@code null}
	 */
	record Row(long ticketId, String number, Long conversationId, String customer, String channel, String requested,
			String promised, String due, boolean overdue, String hours, int position, String holder, boolean mine,
			String lastLine) {
	}

	/** A request that is over, as listed under the queue. */
	record Ended(String number, Long conversationId, String customer, String channel, String status, String closed) {
	}

	@GetMapping({ "/console", "/console/" })
	String queue(Principal principal, Model model) {
		if (!users.enabled()) {
			return "console/off";
		}
		StaffMember me = ConsolePages.staff(users, principal);
		ZoneId zone = hours.zone();
		Instant now = clock.instant();
		model.addAttribute("rows", tickets.queue().stream().map(ticket -> row(ticket, me, zone, now)).toList());
		model.addAttribute("ended", tickets.lastEnded(RECENT).stream().map(ticket -> ended(ticket, zone)).toList());
		model.addAttribute("zone", zone.getId());
		return "console/queue";
	}

	// Take, Reply and Close: a colleague acting on the same request at the same moment (here or in the staff group)
	// changes it under the action's hands, which is then tried again on the request as it is now
	@PostMapping("/console/tickets/{id}/take")
	@Retryable(includes = ConcurrencyFailureException.class, maxRetries = 3, delay = 50, jitter = 25)
	String take(@PathVariable long id, @RequestParam(defaultValue = "queue") String back, Principal principal,
			RedirectAttributes flash) {
		flash.addFlashAttribute("notice", desk.take(id, ConsolePages.staff(users, principal)));
		return back(id, back);
	}

	@PostMapping("/console/tickets/{id}/reply")
	@Retryable(includes = ConcurrencyFailureException.class, maxRetries = 3, delay = 50, jitter = 25)
	String reply(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "queue") String back, Principal principal, RedirectAttributes flash) {
		String reply = typed(text);
		// a note for colleagues stays with them in the staff group; here it would reach the customer
		String problem = reply.isEmpty() ? "Write something to send."
				: StaffDesk.isNote(reply)
						? "Not sent: notes for colleagues (#note, //) belong in the customer's topic in the staff group."
				: reply.length() > ConsoleDesk.MAX_REPLY
						? "That is too long: at most " + ConsoleDesk.MAX_REPLY + " characters."
				: desk.reply(id, ConsolePages.staff(users, principal), reply).orElse(null);
		if (problem == null) {
			flash.addFlashAttribute("notice", "Sent.");
		}
		else {
			flash.addFlashAttribute("problem", problem);
			// the text comes back in the box it was written in, to be put right or kept
			flash.addFlashAttribute("draft", reply);
			flash.addFlashAttribute("draftTicket", id);
		}
		return back(id, back);
	}

	/** A reply as the staff member typed it: a form sends each line break as two characters, the box counted one. */
	static String typed(String text) {
		return Inbound.storable(text).replace("\r\n", "\n").strip();
	}

	@PostMapping("/console/tickets/{id}/close")
	@Retryable(includes = ConcurrencyFailureException.class, maxRetries = 3, delay = 50, jitter = 25)
	String close(@PathVariable long id, @RequestParam(defaultValue = "queue") String back, Principal principal,
			RedirectAttributes flash) {
		flash.addFlashAttribute("notice", desk.close(id, ConsolePages.staff(users, principal)));
		return back(id, back);
	}

	/** Back to the queue, or to the request's conversation. */
	private String back(long ticketId, String back) {
		Optional<Long> conversation = "conversation".equals(back)
				? tickets.find(ticketId).map(TicketView::conversationId) : Optional.empty();
		return conversation.map(id -> "redirect:/console/conversations/" + id).orElse("redirect:/console");
	}

	private Row row(TicketTimeline timeline, StaffMember me, ZoneId zone, Instant now) {
		TicketView ticket = timeline.ticket();
		CustomerProfile customer = conversations.customer(ticket.customerId()).orElse(null);
		String due;
		boolean overdue = false;
		if (ticket.followUp()) {
			// the staff's own request: the customer was promised no time
			due = timeline.firstResponseAt() != null ? "answered " + Format.time(timeline.firstResponseAt(), zone)
					: "follow-up of a bad rating";
		}
		else if (timeline.firstResponseAt() != null) {
			due = "answered " + Format.time(timeline.firstResponseAt(), zone)
					+ (Boolean.TRUE.equals(timeline.promiseKept()) ? ", in time" : ", late");
		}
		else if (now.isBefore(ticket.promisedBy())) {
			due = Format.duration(Duration.between(now, ticket.promisedBy())) + " left";
		}
		else {
			due = "overdue by " + Format.duration(Duration.between(ticket.promisedBy(), now));
			overdue = true;
		}
		String lastLine = conversations.lastMessages(ticket.conversationId(), 10)
			.stream()
			// what the customer said, not a command such as the /human that asked for a person
			.filter(line -> "CUSTOMER".equals(line.author()) && !line.text().startsWith("/"))
			.reduce((first, second) -> second)
			.map(TranscriptLine::text)
			.map(text -> Cut.shorten(text, 200))
			.orElse(null);
		return new Row(ticket.id(), ticket.number(), ticket.conversationId(), Format.name(customer),
				Format.channel(customer), Format.time(ticket.requestedAt(), zone), Format.time(ticket.promisedBy(), zone),
				due, overdue, ticket.afterHours() ? "after hours" : "in hours", ticket.position(), ticket.takenBy(),
				me.id().equals(ticket.takenById()), lastLine);
	}

	private Ended ended(TicketTimeline timeline, ZoneId zone) {
		TicketView ticket = timeline.ticket();
		CustomerProfile customer = conversations.customer(ticket.customerId()).orElse(null);
		return new Ended(ticket.number(), ticket.conversationId(), Format.name(customer), Format.channel(customer),
				Format.ending(timeline), Format.time(timeline.closedAt(), zone));
	}
}
