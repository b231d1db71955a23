// The web chat: lines come from /api/chat as JSON and are shown as text (never as markup); new lines arrive live
// through server-sent events, so a staff reply appears without a reload.
(() => {
	// the page's texts, as the business set them (messages.yml)
	const page = document.querySelector('main.chat');
	const list = document.getElementById('lines');
	const form = document.getElementById('composer');
	const input = document.getElementById('text');
	const typing = document.getElementById('typing');
	const noticeBox = document.getElementById('notice');
	const shown = new Map();
	// who wrote a line, read out before it by screen readers
	const authors = { visitor: page.dataset.you, bot: page.dataset.bot, staff: page.dataset.staff };
	// the newest line the stream or a catch-up brought: lines come to those in order, so what was written while the
	// stream was down lies after it (an answer to the visitor's own post may have come with newer lines meanwhile)
	let received = 0;
	// whether every line up to `received` has come: not from a break in the stream until a catch-up came through, so
	// a live line does not vouch for those written while the stream was down
	let caughtUp = false;
	let retry = null;
	let pending = 0;
	const embedded = new URLSearchParams(location.search);
	// whether the widget holding this page is closed (it loads the chat closed on the pages after the first)
	let closed = embedded.has('embed') && embedded.has('closed');
	// whether the visitor is to be greeted once the widget opens (a closed chat greets no one), and the greeting
	let greetOnOpen = false;
	let greeting = Promise.resolve();
	// whether the live stream has been opened, after the page's first catch-up
	let live = false;
	// the newest line the visitor has had in view, remembered across the site's pages, so that one that came while
	// the chat was closed (or between two pages) is announced
	const memory = (() => {
		try {
			return window.localStorage;
		}
		catch (error) {
			return null;
		}
	})();
	let seen = 0;
	let newest = 0;

	// what the visitor has seen on any of the site's pages, as far as this page knows
	function recall() {
		try {
			seen = Math.max(seen, Number(memory && memory.getItem('frontdesk-seen')) || 0);
		}
		catch (error) {
			// storage is off: what this page has shown is all it knows
		}
		return seen;
	}
	recall();

	function markSeen() {
		if (!closed && newest > recall()) {
			seen = newest;
			try {
				memory && memory.setItem('frontdesk-seen', String(seen));
			}
			catch (error) {
				// storage is full or off: the lines are seen for this page only
			}
		}
	}

	if (embedded.has('embed')) {
		document.body.classList.add('embedded');
		// the widget learns that the chat loaded (not a browser's error page, which it would load again)
		window.parent.postMessage('frontdesk:ready', '*');
		// Escape closes the widget, as it closes any dialog
		document.addEventListener('keydown', event => {
			// (Escape while an input method composes a word drops the word, not the chat)
			if (event.key === 'Escape' && !event.isComposing) {
				window.parent.postMessage('frontdesk:close', '*');
			}
		});
		// the widget opened the chat: the newest lines in view, and the box ready for typing; while it is closed, an
		// answer that comes is announced on its button
		window.addEventListener('message', event => {
			if (event.source !== window.parent) {
				return;
			}
			if (event.data === 'frontdesk:open') {
				closed = false;
				markSeen();
				list.scrollTop = list.scrollHeight;
				input.focus();
				// greeted once, and not if another page of the site has greeted meanwhile
				if (greetOnOpen && shown.size === 0) {
					greeting = post('/api/chat/lines', { text: '/start' });
				}
				greetOnOpen = false;
			}
			else if (event.data === 'frontdesk:closed') {
				closed = true;
			}
		});
		// lines read on another of the site's pages are read here too
		window.addEventListener('storage', event => {
			if (event.key === 'frontdesk-seen' && recall() >= newest) {
				window.parent.postMessage('frontdesk:read', '*');
			}
		});
	}

	// when the view shrinks (a phone's keyboard opens), a visitor who was reading the newest lines still sees them
	let atBottom = true;
	let height = list.clientHeight;
	list.addEventListener('scroll', () => {
		// a scroll the browser makes as the list shrinks says nothing of where the visitor was reading
		if (list.clientHeight === height) {
			atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
		}
	});
	if (window.ResizeObserver) {
		new ResizeObserver(() => {
			height = list.clientHeight;
			if (atBottom) {
				// once the lines have been laid out again at the new size
				requestAnimationFrame(() => { list.scrollTop = list.scrollHeight; });
			}
		}).observe(list);
	}

	// the box grows with what is written, up to its maximum height, and shrinks back once it is sent
	function fit() {
		input.style.height = 'auto';
		input.style.height = input.scrollHeight + 2 + 'px';
	}
	input.addEventListener('input', fit);

	// what the visitor has begun to write stays in the box on the site's next page (in this tab), until it is sent;
	// where the browser's storage is off or full, it stays on this page only
	function drafts(use) {
		try {
			return use(window.sessionStorage);
		}
		catch (error) {
			return null;
		}
	}

	function keepDraft() {
		drafts(storage => input.value ? storage.setItem('frontdesk-draft', input.value)
			: storage.removeItem('frontdesk-draft'));
	}
	input.addEventListener('input', keepDraft);
	const draft = drafts(storage => storage.getItem('frontdesk-draft'));
	if (draft && !input.value) {
		input.value = draft;
		fit();
	}

	// the box takes at most a message's length, and a paste beyond it is cut: the visitor is told so
	input.addEventListener('paste', event => {
		// the box keeps a line break as one character, however the clipboard holds it
		const pasted = event.clipboardData ? event.clipboardData.getData('text').replace(/\r\n/g, '\n') : '';
		const room = input.maxLength - input.value.length + (input.selectionEnd - input.selectionStart);
		if (pasted.length > room) {
			notice(page.dataset.tooLong);
		}
	});

	function render(line) {
		if (line.author === 'visitor' && line.text === '/start') {
			return;
		}
		newest = Math.max(newest, line.id);
		markSeen();
		let item = shown.get(line.id);
		const fresh = !item;
		// a line comes twice, with the answer to a post and on the stream: drawn again only when it changed (a rating
		// shown as chosen, say), so a screen reader does not read it twice nor a pressed button come back
		const drawn = JSON.stringify([line.author, line.text, line.buttons, line.oneRow]);
		if (!fresh && item.dataset.drawn === drawn) {
			return;
		}
		if (fresh) {
			item = document.createElement('li');
			shown.set(line.id, item);
		}
		item.className = 'line ' + line.author;
		item.dataset.id = line.id;
		item.dataset.drawn = drawn;
		const bubble = document.createElement('div');
		bubble.className = 'bubble';
		// a line in a right-to-left language keeps its punctuation where it belongs
		bubble.dir = 'auto';
		bubble.textContent = line.text;
		// out of sight, and outside the bubble, whose direction is the line's own
		const author = document.createElement('span');
		author.className = 'visually-hidden';
		author.textContent = (authors[line.author] || line.author) + ': ';
		item.replaceChildren(author, bubble);
		if (line.buttons.length > 0) {
			const bar = document.createElement('div');
			bar.className = line.oneRow ? 'buttons row' : 'buttons';
			for (const button of line.buttons) {
				const element = document.createElement('button');
				element.type = 'button';
				element.textContent = button.label;
				element.dataset.data = button.data;
				// a click from the keyboard (Enter or Space) has no mouse details
				element.addEventListener('click', event => press(line.id, button.data, bar, event.detail === 0));
				bar.append(element);
			}
			item.append(bar);
		}
		if (fresh) {
			const after = [...list.children].find(other => Number(other.dataset.id) > line.id);
			list.insertBefore(item, after || null);
		}
		retire();
		list.scrollTop = list.scrollHeight;
	}

	// the newest buttons are the visitor's choices; earlier suggestions stay in sight, but cannot be pressed, are out
	// of the keyboard's way and are read out as unavailable. Those that stay good as the talk goes on do not: taking
	// back a request for a person (the bot still answers questions meanwhile), and the rating with its Skip.
	const LASTING = ['withdraw:', 'rate:', 'skip:'];

	function retire() {
		const bars = [...list.querySelectorAll('.buttons')];
		bars.slice(0, -1).forEach(bar => bar.querySelectorAll('button')
			.forEach(button => { button.disabled ||= !LASTING.some(kind => button.dataset.data.startsWith(kind)); }));
	}

	// the notice's place stays in the page, empty and out of sight when there is none, so that a screen reader reads
	// out each new one
	function notice(text) {
		noticeBox.textContent = text;
		if (text) {
			setTimeout(() => { if (noticeBox.textContent === text) noticeBox.textContent = ''; }, 8000);
		}
	}

	async function post(url, body) {
		pending++;
		typing.hidden = false;
		list.scrollTop = list.scrollHeight;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				credentials: 'same-origin'
			});
			const answer = await response.json().catch(() => ({}));
			if (!response.ok) {
				// the business's own words for the visitor; an error's details are for developers
				notice(answer.notice || page.dataset.notSent);
				return false;
			}
			answer.lines.forEach(render);
			notice(answer.notice || '');
			return true;
		}
		catch (error) {
			notice(page.dataset.offline);
			return false;
		}
		finally {
			pending--;
			typing.hidden = pending === 0;
		}
	}

	async function press(line, data, bar, byKeyboard) {
		bar.querySelectorAll('button').forEach(button => {
			button.disabled = true;
			button.classList.toggle('pressed', button.dataset.data === data);
		});
		if (byKeyboard) {
			// the pressed button is disabled, which would leave the keyboard nowhere
			input.focus();
		}
		if (!await post('/api/chat/buttons', { line, data })) {
			bar.querySelectorAll('button').forEach(button => {
				button.disabled = false;
				button.classList.remove('pressed');
			});
			// unless newer ones came meanwhile
			retire();
		}
	}

	// each message has an id of its own, kept when it comes back into the box: sent again after its answer was lost on
	// the way (the server may have had it), it is stored and answered once
	let unsent = null;
	const messageId = () => crypto.randomUUID ? crypto.randomUUID()
		: Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);

	form.addEventListener('submit', async event => {
		event.preventDefault();
		const text = input.value.trim();
		if (!text) {
			return;
		}
		const id = unsent && unsent.text === text ? unsent.id : messageId();
		unsent = null;
		input.value = '';
		fit();
		keepDraft();
		// a new visitor's first message waits for the page's first exchange, which gives them their cookie: sent
		// before it, the message would make a second visitor of them, with the greeting's buttons no longer theirs
		await ready;
		await greeting;
		if (!await post('/api/chat/lines', { text, id })) {
			// back in the box, before anything the visitor has begun to write since
			input.value = input.value ? text + '\n' + input.value : text;
			// with what the visitor has begun to write since, it is another message, with an id of its own
			unsent = input.value === text ? { text, id } : null;
			fit();
			keepDraft();
		}
	});

	input.addEventListener('keydown', event => {
		// Enter while an input method composes a word (Japanese, Chinese) picks the word; it does not send
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
			event.preventDefault();
			form.requestSubmit();
		}
	});

	// a line the visitor has not seen yet, come while the widget is closed, puts a dot on its button
	function announce(line) {
		if (closed && line.author !== 'visitor' && line.id > recall()) {
			window.parent.postMessage('frontdesk:unread', '*');
		}
	}

	function receive(line) {
		announce(line);
		render(line);
		if (caughtUp) {
			received = Math.max(received, line.id);
		}
	}

	// fetches the lines after the newest one received, tried again a little later until it comes through
	async function catchUp() {
		clearTimeout(retry);
		try {
			const response = await fetch('/api/chat/lines' + (received ? '?after=' + received : ''),
				{ credentials: 'same-origin' });
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			const lines = await response.json();
			lines.forEach(line => {
				// without storage, the lines the page finds when it loads are taken as seen
				if (live || memory) {
					announce(line);
				}
				render(line);
			});
			received = lines.reduce((newest, line) => Math.max(newest, line.id), received);
			caughtUp = true;
			return true;
		}
		catch (error) {
			// one retry pending at a time, however many catch-ups failed meanwhile
			clearTimeout(retry);
			retry = setTimeout(catchUp, 3000);
			return false;
		}
	}

	async function start() {
		// a new visitor is greeted; when the page cannot tell whether the visitor is new, it waits for the catch-up
		const found = await catchUp();
		// from now on new lines are read out; the conversation the page found is not read again on each reload
		list.setAttribute('aria-live', 'polite');
		if (found && received === 0) {
			if (closed) {
				greetOnOpen = true;
			}
			else {
				await post('/api/chat/lines', { text: '/start' });
			}
		}
		listen();
		input.focus();
	}

	function listen() {
		live = true;
		const events = new EventSource('/api/chat/events');
		events.addEventListener('line', event => receive(JSON.parse(event.data)));
		// after a break the stream reconnects on its own; what came meanwhile is fetched
		events.addEventListener('open', () => catchUp());
		events.addEventListener('error', () => {
			caughtUp = false;
			// a stream the browser gave up on (the request failed outright) is opened anew a little later
			if (events.readyState === EventSource.CLOSED) {
				setTimeout(listen, 5000);
			}
		});
	}

	// settles either way: a first exchange that failed leaves the visitor's messages to try on their own
	const ready = start().catch(() => {});
})();
