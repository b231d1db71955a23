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
	Object.assign(button.style, {
		position: 'fixed', right: '20px', bottom: '20px', width: '56px', height: '56px', borderRadius: '50%',
		border: '0', background: '#1f6feb', color: '#fff', cursor: 'pointer', zIndex: 2147483646,
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
	frame.title = labels.open;
	Object.assign(frame.style, {
		position: 'fixed', right: '20px', bottom: '88px', width: 'min(380px, calc(100vw - 40px))',
		height: 'min(600px, calc(100vh - 120px))', border: '0', borderRadius: '12px', display: 'none',
		boxShadow: '0 8px 28px rgba(0,0,0,.25)', zIndex: 2147483647, background: '#fff'
	});
	// a dot on the button when an answer (a staff reply, say) came while the chat was closed
	const dot = '<span style="position:absolute;top:2px;right:2px;width:14px;height:14px;border-radius:50%;'
		+ 'background:#e5484d;border:2px solid #fff"></span>';
	// the chat shows its newest lines and takes the keyboard each time it opens (it cannot scroll while hidden)
	const opened = () => {
		frame.focus();
		frame.contentWindow.postMessage('frontdesk:open', origin);
	};
	frame.addEventListener('load', () => {
		if (frame.style.display !== 'none') {
			opened();
		}
		else {
			// closed again before the chat had loaded
			frame.contentWindow.postMessage('frontdesk:closed', origin);
		}
	});
	button.addEventListener('click', () => {
		const open = frame.style.display === 'none';
		frame.style.display = open ? 'block' : 'none';
		button.innerHTML = open ? close : icon;
		button.setAttribute('aria-label', open ? labels.close : labels.open);
		if (open) {
			remember();
		}
		if (open && !frame.src) {
			frame.src = origin + '/?embed=1';
		}
		else if (open) {
			opened();
		}
		else {
			frame.contentWindow.postMessage('frontdesk:closed', origin);
		}
	});
	window.addEventListener('message', event => {
		if (event.origin !== origin || frame.style.display !== 'none') {
			return;
		}
		if (event.data === 'frontdesk:unread') {
			button.innerHTML = icon + dot;
			button.setAttribute('aria-label', labels.unread);
		}
		else if (event.data === 'frontdesk:read') {
			// read on another of the site's pages
			button.innerHTML = icon;
			button.setAttribute('aria-label', labels.open);
		}
	});
	if (remembered()) {
		frame.src = origin + '/?embed=1&closed=1';
	}
	// a script tag in the page's head runs before there is a body to add to
	const place = () => document.body.append(frame, button);
	if (document.body) {
		place();
	}
	else {
		document.addEventListener('DOMContentLoaded', place);
	}
})();
