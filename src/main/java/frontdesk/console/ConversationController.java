package frontdesk.console;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.ConversationTranscript;
import frontdesk.hours.BusinessHours;
import frontdesk.rating.RatingView;
import frontdesk.rating.Ratings;
import frontdesk.text.Cut;
import frontdesk.ticket.StaffMember;
import frontdesk.ticket.TicketTimeline;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One conversation, whole: every message (with what the bot made of it), what happened to each request for a person,
 * and the customer's rating.
 */
@Controller
class ConversationController {

	/** How many of the customer's earlier conversations the page lists. */
	static final int EARLIER = 10;

	private final ConversationService conversations;

	private final Tickets tickets;

	private final Ratings ratings;

	private final BusinessHours hours;

	private final ConsoleUsers users;

	ConversationController(ConversationService conversations, Tickets tickets, Ratings ratings, BusinessHours hours,
			ConsoleUsers users) {
		this.conversations = conversations;
		this.tickets = tickets;
		this.ratings = ratings;
		this.hours = hours;
		this.users = users;
	}

	/**
	 * A message as the page shows it.
	 *
	 * @param kind {@code customer}, {@code bot} or {@code staff}
	 * @param who the author's name
	 * @param meta what the bot made of it (intent and confidence), or {@code null}
	 */
	record Line(String kind, String who, String at, String text, String meta) {
	}

	/** Something that happened to a request for a person. */
	record Event(String at, String what, boolean bad) {
	}

	/** A request for a person with what happened to it. */
	record Request(long ticketId, String number, boolean open, String holder, boolean mine, List<Event> events) {
	}

	/**
	 * Another conversation of the customer's, as the page lists it.
	 *
	 * @param rating "rated 2 / 5", or {@code null} when not rated
	 * @param words what the customer first wrote there, shortened, or {@code null}
	 */
	record Earlier(long id, String opened, String state, String rating, String words) {
	}

	/** The customer's rating, as the page shows it. */
	record Rating(Integer score, String comment, String handledBy, String asked, String rated) {
	}

	@GetMapping("/console/conversations/{id}")
	String conversation(@PathVariable long id, Principal principal, Model model) {
		ConversationTranscript transcript = conversations.transcript(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No conversation " + id));
		ZoneId zone = hours.zone();
		String customer = Format.name(transcript.customer());
		model.addAttribute("id", id);
		model.addAttribute("customer", customer);
		model.addAttribute("customerId", transcript.customerId());
		model.addAttribute("forgettable", transcript.closedAt() != null && transcript.customer() != null
				&& !transcript.customer().forgotten());
		model.addAttribute("channel", Format.channel(transcript.customer()));
		model.addAttribute("opened", Format.time(transcript.openedAt(), zone));
		model.addAttribute("state", state(transcript));
		model.addAttribute("lines", transcript.lines().stream().map(line -> line(line, customer, zone)).toList());
		StaffMember me = ConsolePages.staff(users, principal);
		List<Request> requests = tickets.historyOf(id).stream().map(ticket -> request(ticket, me, zone)).toList();
		model.addAttribute("requests", requests);
		Request open = requests.stream().filter(Request::open).findFirst().orElse(null);
		model.addAttribute("openRequest", open);
		model.addAttribute("savedAnswers",
				open == null ? List.of() : conversations.savedAnswers(transcript.customerId()));
		model.addAttribute("rating", ratings.find(id).map(rating -> rating(rating, zone)).orElse(null));
		model.addAttribute("earlier", conversations.earlierConversations(id, EARLIER)
			.stream()
			.map(earlier -> new Earlier(earlier.id(), Format.time(earlier.openedAt(), zone),
					earlier.closedAt() == null ? "open" : "closed " + Format.time(earlier.closedAt(), zone),
					ratings.find(earlier.id()).map(RatingView::score).map(score -> "rated " + score + " / 5").orElse(null),
					earlier.firstWords() == null ? null : Cut.shorten(earlier.firstWords(), 120)))
			.toList());
		model.addAttribute("zone", zone.getId());
		return "console/conversation";
	}

	private static String state(ConversationTranscript transcript) {
		if (transcript.closedAt() == null) {
			return switch (transcript.state()) {
				case "WAITING_FOR_PERSON" -> "open, waiting for a person";
				case "WITH_PERSON" -> "open, with a person";
				default -> "open, with the bot";
			};
		}
		String reason = transcript.closeReason() == null ? ""
				: switch (transcript.closeReason()) {
					case CUSTOMER -> " by the customer";
					case STAFF -> " by staff";
					case IDLE -> " after a quiet while";
				};
		return "closed" + reason;
	}

	private static Line line(ConversationTranscript.Line line, String customer, ZoneId zone) {
		String at = Format.time(line.at(), zone);
		return switch (line.author()) {
			case "CUSTOMER" -> new Line("customer", customer, at, line.text(), understood(line));
			case "STAFF" -> line.staffName() == null ? new Line("staff", "Staff", at, line.text(), null)
					// signed for the customer with the name shown beside it already
					: new Line("staff", line.staffName(), at, unsigned(line.text(), line.staffName()), null);
			default -> new Line("bot", "Bot", at, line.text(),
					line.intentId() == null ? null : line.intentId() + confidence(line.confidence()));
		};
	}

	/** What the bot made of a customer's message: "answered: track_order (87%)", "not understood; best guess …". */
	private static String understood(ConversationTranscript.Line line) {
		if (line.outcome() == null) {
			return null;
		}
		String guess = line.intentId() == null ? "" : line.intentId() + confidence(line.confidence());
		return switch (line.outcome()) {
			case "ANSWERED" -> "answered: " + guess;
			case "AMBIGUOUS" -> "not sure: " + guess;
			case "UNKNOWN" -> guess.isEmpty() ? "not understood" : "not understood; best guess " + guess;
			case "COMMAND" -> "command or button";
			case "UNSUPPORTED" -> "not text";
			case "FEEDBACK" -> "comment on the rating";
			default -> line.outcome().toLowerCase(Locale.ROOT);
		};
	}

	private static String unsigned(String text, String staffName) {
		return text.startsWith(staffName + ": ") ? text.substring(staffName.length() + 2) : text;
	}

	private static String confidence(Double confidence) {
		return confidence == null ? "" : " (" + Format.percent(confidence) + ")";
	}

	private static Request request(TicketTimeline timeline, StaffMember me, ZoneId zone) {
		TicketView ticket = timeline.ticket();
		List<Stamped> events = new ArrayList<>();
		events.add(new Stamped(ticket.requestedAt(), ticket.followUp() ? "Follow-up of a bad rating: no time was "
				+ "promised" : "Asked for a person (" + (ticket.afterHours() ? "after" : "in") + " hours); promised by "
						+ Format.time(ticket.promisedBy(), zone), false));
		if (timeline.remindedAt() != null) {
			events.add(new Stamped(timeline.remindedAt(), "Staff reminded of the promise", false));
		}
		if (timeline.takenAt() != null) {
			events.add(new Stamped(timeline.takenAt(), "Taken by " + ticket.takenBy(), false));
		}
		if (timeline.missedAt() != null) {
			events.add(new Stamped(timeline.missedAt(), "Promise missed: no answer yet", true));
		}
		else if (Boolean.FALSE.equals(timeline.promiseKept()) && timeline.firstResponseAt() == null) {
			// it ended unanswered after its promise, before the promise watch looked
			events.add(new Stamped(ticket.promisedBy(), "Promise missed: no answer", true));
		}
		if (timeline.firstResponseAt() != null) {
			Boolean kept = timeline.promiseKept();
			events.add(new Stamped(timeline.firstResponseAt(), "First answer from a person" + ((kept == null) ? ""
					: kept ? " (promise kept)" : " (promise missed)"), Boolean.FALSE.equals(kept)));
		}
		if (timeline.closedAt() != null) {
			String ending = Format.ending(timeline);
			events.add(new Stamped(timeline.closedAt(), Character.toUpperCase(ending.charAt(0)) + ending.substring(1),
					false));
		}
		events.sort(Comparator.comparing(Stamped::at));
		return new Request(ticket.id(), ticket.number(), timeline.open(), ticket.takenBy(),
				me.id().equals(ticket.takenById()),
				events.stream().map(event -> new Event(Format.time(event.at(), zone), event.what(), event.bad())).toList());
	}

	private record Stamped(Instant at, String what, boolean bad) {
	}

	private static Rating rating(RatingView rating, ZoneId zone) {
		return new Rating(rating.score(), rating.comment(), rating.handler(),
				Format.time(rating.askedAt(), zone), Format.time(rating.ratedAt(), zone));
	}
}
