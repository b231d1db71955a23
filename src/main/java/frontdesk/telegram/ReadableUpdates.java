package frontdesk.telegram;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A {@code getUpdates} whose answer is read update by update. Telegram may send an update in a form this version of
 * the client library cannot read (a kind of object newer than it); read as one, the whole batch would fail on every
 * poll and no customer be answered. Such an update is kept whole as failed, as in webhook mode, and stands in the
 * batch by its id alone, so the next poll confirms it and the bot goes on.
 * <p>
 * After a week without updates Telegram numbers the next ones afresh, possibly below those before. The client library
 * skips every update numbered below the last it received, so it would skip them all, poll after poll; an answer with
 * such an update is therefore reported, for the polling to start over.
 */
final class ReadableUpdates extends GetUpdates {

	private static final Logger log = LoggerFactory.getLogger(ReadableUpdates.class);

	@JsonIgnore
	private final transient UpdateHandler handler;

	@JsonIgnore
	private final transient Runnable renumbered;

	/** @param renumbered told when an update comes numbered below the offset: Telegram numbered its updates afresh */
	ReadableUpdates(int offset, int limit, int timeout, List<String> allowedUpdates, UpdateHandler handler,
			Runnable renumbered) {
		super(offset, limit, timeout, allowedUpdates);
		this.handler = handler;
		this.renumbered = renumbered;
	}

	@Override
	public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
		JsonNode result;
		try {
			JsonNode tree = TelegramConfiguration.JSON.readTree(answer);
			result = tree.path("ok").asBoolean(false) ? tree.path("result") : null;
		}
		catch (JacksonException ex) {
			result = null;
		}
		if (result == null || !result.isArray()) {
			// an error, or not JSON: as the library reads it
			return super.deserializeResponse(answer);
		}
		ArrayList<Update> updates = new ArrayList<>();
		for (JsonNode element : result) {
			updates.add(read(element));
		}
		if (updates.stream().anyMatch(update -> update.getUpdateId() < getOffset())) {
			renumbered.run();
		}
		return updates;
	}

	private Update read(JsonNode element) throws TelegramApiRequestException {
		try {
			return TelegramConfiguration.JSON.treeToValue(element, Update.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			if (!element.path("update_id").canConvertToInt()) {
				throw new TelegramApiRequestException("An update without an id: " + element, ex);
			}
			int id = element.path("update_id").asInt();
			log.error("Could not read update {}; it is kept for inspection and the bot goes on", id, ex);
			handler.fail(id, element.toString(), String.valueOf(ex));
			Update unread = new Update();
			unread.setUpdateId(id);
			return unread;
		}
	}
}
