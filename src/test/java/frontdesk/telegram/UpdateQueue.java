package frontdesk.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The updates Telegram keeps for the bot. An update stays here until a
 * {@code getUpdates} call arrives with an offset greater than its id, exactly like the
 * real server, so a bot that stops before confirming gets it again on its next start.
 */
final class UpdateQueue {

	/** Update types Telegram only sends when they are asked for in allowed_updates. */
	private static final Set<String> OPT_IN_TYPES = Set.of("chat_member", "message_reaction",
			"message_reaction_count");

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Map<Long, ObjectNode> history = new ConcurrentHashMap<>();

	private final TreeMap<Long, ObjectNode> pending = new TreeMap<>();

	private final List<Long> discarded = new ArrayList<>();

	private long lastUpdateId;

	private Set<String> allowedUpdates;

	private long pollGeneration;

	private boolean closed;

	UpdateQueue(long firstUpdateId) {
		this.lastUpdateId = firstUpdateId - 1;
	}

	long add(ObjectNode update) {
		this.lock.lock();
		try {
			long id = ++this.lastUpdateId;
			ObjectNode stored = update.objectNode();
			stored.put("update_id", id);
			update.properties().forEach((entry) -> {
				if (!"update_id".equals(entry.getKey())) {
					stored.set(entry.getKey(), entry.getValue().deepCopy());
				}
			});
			this.history.put(id, stored);
			this.pending.put(id, stored);
			this.changed.signalAll();
			return id;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Numbers the next updates from the given id on, as Telegram does after a week without updates (it may pick a
	 * number below the earlier ones).
	 */
	void renumber(long nextUpdateId) {
		this.lock.lock();
		try {
			if (!this.pending.isEmpty()) {
				throw new IllegalStateException("Telegram numbers updates afresh only after a week without any, but "
						+ this.pending.size() + " are still to be confirmed");
			}
			this.lastUpdateId = nextUpdateId - 1;
		}
		finally {
			this.lock.unlock();
		}
	}

	void resend(long updateId) {
		ObjectNode update = this.history.get(updateId);
		if (update == null) {
			throw new IllegalArgumentException("No update with id " + updateId + " was ever queued");
		}
		this.lock.lock();
		try {
			this.pending.put(updateId, update);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	ObjectNode get(long updateId) {
		ObjectNode update = this.history.get(updateId);
		return (update != null) ? update.deepCopy() : null;
	}

	/**
	 * Answers one {@code getUpdates} call: confirms everything below the offset, then
	 * returns what is left, waiting up to {@code hold} for something to arrive. A call
	 * that is still waiting when a newer one arrives ends with a conflict, as on Telegram.
	 */
	Poll poll(Long offset, int limit, Duration hold, List<String> allowed) throws InterruptedException {
		this.lock.lock();
		try {
			long generation = ++this.pollGeneration;
			this.changed.signalAll();
			if (allowed != null) {
				this.allowedUpdates = allowed.isEmpty() ? null : new HashSet<>(allowed);
			}
			confirm(offset);
			long nanos = hold.toNanos();
			while (true) {
				if (generation != this.pollGeneration) {
					return new Poll(List.of(), true);
				}
				discardNotAllowed();
				if (!this.pending.isEmpty() || this.closed || nanos <= 0) {
					break;
				}
				nanos = this.changed.awaitNanos(nanos);
			}
			List<ObjectNode> result = new ArrayList<>();
			for (ObjectNode update : this.pending.values()) {
				if (result.size() >= limit) {
					break;
				}
				result.add(update.deepCopy());
			}
			return new Poll(result, false);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Forgets one update, as Telegram does once the bot's webhook took it. */
	void confirmOne(long updateId) {
		this.lock.lock();
		try {
			this.pending.remove(updateId);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void confirm(Long offset) {
		if (offset == null || offset == 0) {
			return;
		}
		if (offset > this.lastUpdateId + 1) {
			// an offset above every update given out confirms nothing: after the numbering started afresh, Telegram
			// keeps sending the new updates to a bot that asks from its old offset
			return;
		}
		if (offset > 0) {
			this.pending.headMap(offset).clear();
		}
		else {
			while (this.pending.size() > -offset) {
				this.pending.pollFirstEntry();
			}
		}
		this.changed.signalAll();
	}

	private void discardNotAllowed() {
		Iterator<Map.Entry<Long, ObjectNode>> entries = this.pending.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<Long, ObjectNode> entry = entries.next();
			String type = typeOf(entry.getValue());
			boolean allowed = (this.allowedUpdates != null) ? this.allowedUpdates.contains(type)
					: !OPT_IN_TYPES.contains(type);
			if (!allowed) {
				entries.remove();
				this.discarded.add(entry.getKey());
			}
		}
	}

	private static String typeOf(ObjectNode update) {
		Iterator<String> names = update.fieldNames();
		while (names.hasNext()) {
			String name = names.next();
			if (!"update_id".equals(name)) {
				return name;
			}
		}
		return "";
	}

	boolean isPending(long updateId) {
		this.lock.lock();
		try {
			return this.pending.containsKey(updateId);
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean awaitNotPending(long updateId, Duration timeout) throws InterruptedException {
		long nanos = timeout.toNanos();
		this.lock.lock();
		try {
			while (this.pending.containsKey(updateId)) {
				if (nanos <= 0) {
					return false;
				}
				nanos = this.changed.awaitNanos(nanos);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	List<Long> pendingIds() {
		this.lock.lock();
		try {
			return List.copyOf(this.pending.keySet());
		}
		finally {
			this.lock.unlock();
		}
	}

	List<Long> discardedIds() {
		this.lock.lock();
		try {
			return List.copyOf(this.discarded);
		}
		finally {
			this.lock.unlock();
		}
	}

	void dropAll() {
		this.lock.lock();
		try {
			this.pending.clear();
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	record Poll(List<ObjectNode> updates, boolean conflict) {
	}

}
