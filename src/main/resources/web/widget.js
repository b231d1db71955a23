// The chat as a widget on another site: <script src="https://chat.example.com/widget.js" async></script>
// adds a round button in the corner that opens the chat in a frame.
(() => {
	// the labels, from the business's messages.yml; the app writes them in when it serves this script
	const labels = /*LABELS*/{ open: 'Chat with us', close: 'Close the chat', unread: 'Chat with us: new message' };
	const origin = new URL(document.currentScript.src).origin;
	const button = document.createElement('button');
	button.type = 'button';
	const icon = '<svg viewBox="0 0 24 24" width="26" height="26" fill="#fff" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
	const close = '<svg viewBox="0 0 24 24" width="22" height="22" stroke="#fff" stroke-width="2.5" aria-hidden="true"><path d="M5 5l14 14M19 5L5 19"/></svg>';
	button.innerHTML = icon;
	button.setAttribute('aria-label', labels.open);
	button.setAttribute('aria-expanded', 'false');
	button.setAttribute('aria-controls', 'frontdesk-chat');
	Object.assign(button.style, {
		position: 'fixed', width: '56px', height: '56px', borderRadius: '50%',
		border: '0', background: '#1f6feb', color: '#fff', cursor: 'pointer', zIndex: 2147483647,
		boxShadow: '0 4px 12px rgba(0,0,0,.25)'
	});
	// the chat is loaded when the visitor first opens it, so a page view alone starts no conversation; for a week after
	// they last opened it, later pages load it at once, closed, so that an answer that comes meanwhile is announced
	const started = 'frontdesk-chat-opened';
	const week = 7 * 24 * 60 * 60 * 1000;
	const remembered = () => {
		try {
			return Date.now() - Number(localStorage.getItem(started)) < week;
		}
		catch (error) {
			return false;
		}
	};
	const remember = () => {
		try {
			localStorage.setItem(started, String(Date.now()));
		}
		catch (error) {
			// storage is off: each page waits for the button again
		}
	};
	const frame = document.createElement('iframe');
	frame.id = 'frontdesk-chat';
	frame.title = labels.open;
	// until the chat is in it, the frame is the browser's light or dark page, as the chat will be
	Object.assign(frame.style, {
		position: 'fixed', border: '0', display: 'none', boxShadow: '0 8px 28px rgba(0,0,0,.25)',
		zIndex: 2147483646, colorScheme: 'light dark', background: 'Canvas'
	});
	// on a phone the open chat takes the whole screen, so that it can still be read with the keyboard up, and the close
	// button sits on its header; elsewhere it floats above the button
	const phone = window.matchMedia('(max-width: 480px)');
	const place = () => {
		const full = phone.matches && frame.style.display !== 'none';
		Object.assign(frame.style, full
			? { top: '0', left: '0', right: '0', bottom: '0', width: '100%', height: '100%', borderRadius: '0' }
			: { top: 'auto', left: 'auto', right: '20px', bottom: '88px', width: 'min(380px, calc(100vw - 40px))',
				height: 'min(600px, calc(100vh - 120px))', borderRadius: '12px' });
		Object.assign(button.style, full
			? { top: '8px', right: '8px', bottom: 'auto', width: '40px', height: '40px', boxShadow: 'none' }
			: { top: 'auto', right: '20px', bottom: '20px', width: '56px', height: '56px',
				boxShadow: '0 4px 12px rgba(0,0,0,.25)' });
	};
	phone.addEventListener('change', place);
	place();
	// the address of the chat, and whether what the frame shows is the chat (not a browser's error page, when the
	// server could not be reached): a frame that is not is loaded again when the visitor opens it, and while it is
	// open, a few times, each a little later; a load under way is left to finish
	let address = null;
	let ready = false;
	let loading = false;
	let retries = 0;
	let retry = null;
	const load = url => {
		address = url;
		ready = false;
		loading = true;
		frame.src = url;
	};
	// a dot on the button when an answer (a staff reply, say) came while the chat was closed
	const dot = '<span style="position:absolute;top:2px;right:2px;width:14px;height:14px;border-radius:50%;'
		+ 'background:#e5484d;border:2px solid #fff"></span>';
	// the chat shows its newest lines and takes the keyboard each time it opens (it cannot scroll while hidden)
	const opened = () => {
		frame.focus();
		frame.contentWindow.postMessage('frontdesk:open', origin);
	};
	frame.addEventListener('load', () => {
		loading = false;
		if (frame.style.display !== 'none') {
			opened();
			clearTimeout(retry);
			if (!ready && retries < 4) {
				retry = setTimeout(() => {
					if (!ready && !loading && frame.style.display !== 'none') {
						retries++;
						load(address);
					}
				}, 5000 * 2 ** retries);
			}
		}
		else {
			// closed again before the chat had loaded
			frame.contentWindow.postMessage('frontdesk:closed', origin);
		}
	});
	const toggle = () => {
		const open = frame.style.display === 'none';
		frame.style.display = open ? 'block' : 'none';
		place();
		button.innerHTML = open ? close : icon;
		button.setAttribute('aria-label', open ? labels.close : labels.open);
		button.setAttribute('aria-expanded', String(open));
		if (open) {
			remember();
		}
		if (open && (!address || (!ready && !loading))) {
			retries = 0;
			load(origin + '/?embed=1');
		}
		else if (open) {
			opened();
		}
		else {
			frame.contentWindow.postMessage('frontdesk:closed', origin);
		}
	};
	button.addEventListener('click', toggle);
	window.addEventListener('message', event => {
		// the chat says it loaded, wherever it was sent from (a redirect to another address, say)
		if (event.data === 'frontdesk:ready' && event.source === frame.contentWindow) {
			ready = true;
			return;
		}
		if (event.origin !== origin) {
			return;
		}
		if (event.data === 'frontdesk:close' && frame.style.display !== 'none') {
			// Escape in the chat: closed, and the keyboard back on the button
			toggle();
			button.focus();
		}
		// the dot is for a closed chat only
		else if (event.data === 'frontdesk:unread' && frame.style.display === 'none') {
			button.innerHTML = icon + dot;
			button.setAttribute('aria-label', labels.unread);
		}
		else if (event.data === 'frontdesk:read' && frame.style.display === 'none') {
			// read on another of the site's pages
			button.innerHTML = icon;
			button.setAttribute('aria-label', labels.open);
		}
	});
	if (remembered()) {
		load(origin + '/?embed=1&closed=1');
	}
	// a script tag in the page's head runs before there is a body to add to
	const add = () => document.body.append(frame, button);
	if (document.body) {
		add();
	}
	else {
		document.addEventListener('DOMContentLoaded', add);
	}
})();
