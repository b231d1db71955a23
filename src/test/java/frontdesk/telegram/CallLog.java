package frontdesk.telegram;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import frontdesk.telegram.FakeTelegram.Call;

/**
 * Every Bot API call the fake server answered, in the order the answers were given,
 * with blocking waits for calls that have not arrived yet.
 */
final class CallLog {

	private static final int MAX_LISTED_CALLS = 40;

	private static final int MAX_LISTED_BODY = 300;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition recorded = this.lock.newCondition();

	private final List<Call> calls = new ArrayList<>();

	void add(Call call) {
		this.lock.lock();
		try {
			this.calls.add(call);
			this.recorded.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	List<Call> matching(Predicate<Call> match) {
		this.lock.lock();
		try {
			return this.calls.stream().filter(match).toList();
		}
		finally {
			this.lock.unlock();
		}
	}

	void clear() {
		this.lock.lock();
		try {
			this.calls.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	Call await(Predicate<Call> match, Duration timeout, String expectation) {
		List<Call> found = awaitCount(match, 1, timeout, expectation);
		return found.get(0);
	}

	List<Call> awaitCount(Predicate<Call> match, int count, Duration timeout, String expectation) {
		long nanos = timeout.toNanos();
		this.lock.lock();
		try {
			while (true) {
				List<Call> found = this.calls.stream().filter(match).toList();
				if (found.size() >= count) {
					return found;
				}
				if (nanos <= 0) {
					throw new AssertionError("Expected " + expectation + " within " + timeout + " but found "
							+ found.size() + ". " + describe(expectation));
				}
				nanos = this.recorded.awaitNanos(nanos);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + expectation, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	void assertNone(Predicate<Call> match, Duration during, String expectation) {
		long nanos = during.toNanos();
		this.lock.lock();
		try {
			while (true) {
				List<Call> found = this.calls.stream().filter(match).toList();
				if (!found.isEmpty()) {
					throw new AssertionError("Expected no " + expectation + " but got " + describe(found.get(0))
							+ ". " + describe(expectation));
				}
				if (nanos <= 0) {
					return;
				}
				nanos = this.recorded.awaitNanos(nanos);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while checking for " + expectation, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Lists what was received. Polling calls are left out unless the expectation is about
	 * polling, since they would drown everything else.
	 */
	private String describe(String expectation) {
		boolean aboutPolling = expectation.toLowerCase().contains("getupdates");
		List<Call> shown = this.calls.stream().filter((call) -> aboutPolling || !call.is("getUpdates")).toList();
		if (shown.isEmpty()) {
			return "Received no " + (aboutPolling ? "" : "non-polling ") + "calls at all.";
		}
		StringBuilder description = new StringBuilder("Received " + shown.size() + " calls"
				+ (aboutPolling ? "" : " (getUpdates not listed)") + ":");
		int from = Math.max(0, shown.size() - MAX_LISTED_CALLS);
		if (from > 0) {
			description.append("\n  ... ").append(from).append(" earlier calls");
		}
		for (Call call : shown.subList(from, shown.size())) {
			description.append("\n  ").append(describe(call));
		}
		return description.toString();
	}

	private static String describe(Call call) {
		String body = call.body().toString();
		if (body.length() > MAX_LISTED_BODY) {
			body = body.substring(0, MAX_LISTED_BODY) + "...";
		}
		LocalTime time = LocalTime.ofInstant(call.at(), ZoneId.systemDefault());
		return time + " " + call.method() + " " + body + " -> " + call.status()
				+ (call.failed() ? " " + call.response().path("description").asText("") : "");
	}

}
