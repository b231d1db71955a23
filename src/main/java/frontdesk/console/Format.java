package frontdesk.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import frontdesk.conversation.CustomerProfile;
import frontdesk.ticket.TicketTimeline;

/**
 * How the console writes times, waits and customers.
 */
final class Format {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	private Format() {
	}

	/** A moment in the business's zone, e.g. "Mon 3 Nov 14:05"; empty for none. */
	static String time(Instant moment, ZoneId zone) {
		return moment == null ? "" : TIME.format(moment.atZone(zone));
	}

	/** A length of time in words, e.g. "2 h 05 min", "3 d 4 h", "12 min", "< 1 min". */
	static String duration(Duration duration) {
		long minutes = duration.abs().toMinutes();
		if (minutes < 1) {
			return "< 1 min";
		}
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 24) {
			return "%d h %02d min".formatted(hours, minutes % 60);
		}
		return "%d d %d h".formatted(hours / 24, hours % 24);
	}

	/** The customer's name as staff see it: their first name, or "Customer". */
	static String name(CustomerProfile customer) {
		return customer == null ? "Customer" : customer.name();
	}

	/** How a request ended, e.g. "closed by Grace" or "ended by the customer". */
	static String ending(TicketTimeline timeline) {
		if (timeline.ending() == null) {
			// ended before the way it ended was kept
			return "WITHDRAWN".equals(timeline.status()) ? "withdrawn by the customer" : "closed";
		}
		return switch (timeline.ending()) {
			// who closed one before that was kept is not known
			case CLOSED_BY_STAFF -> "closed by " + ((timeline.closedBy() != null) ? timeline.closedBy() : "staff");
			case ENDED_BY_CUSTOMER -> "ended by the customer";
			case WITHDRAWN -> "withdrawn by the customer";
			case IDLE -> "closed after a quiet while";
		};
	}

	/**
	 * Where the customer writes from: "Telegram @ada", "Telegram", or the channel and the end of their id; "Telegram
	 * (forgotten)" for a customer forgotten at their request.
	 */
	static String channel(CustomerProfile customer) {
		if (customer == null) {
			return "";
		}
		if (customer.forgotten()) {
			return ("telegram".equals(customer.channel()) ? "Telegram" : customer.channel()) + " (forgotten)";
		}
		if ("telegram".equals(customer.channel())) {
			return customer.username() == null ? "Telegram" : "Telegram @" + customer.username();
		}
		String id = customer.externalId();
		return customer.channel() + " …" + id.substring(Math.max(0, id.length() - 4));
	}


	/** A count of things in words, e.g. "1 message", "3 messages". */
	static String count(long count, String thing) {
		return count + " " + thing + (count == 1 ? "" : "s");
	}

	/** A share from 0 to 1 as a whole percentage, e.g. "83%". */
	static String percent(double share) {
		return Math.round(share * 100) + "%";
	}
}
