// Keeps the queue and a conversation fresh: reloads the page every 30 seconds, unless a staff member is at work on it
// (writing a reply, choosing a saved answer, or with the keyboard on one of its buttons or links, not a button just
// clicked), and where it was scrolled to.
(function () {
	'use strict';

	const SCROLLED = 'frontdesk-scrolled:' + window.location.pathname;

	function busy() {
		const active = document.activeElement;
		if (active && (['TEXTAREA', 'INPUT', 'SELECT'].indexOf(active.tagName) >= 0 || active.matches(':focus-visible'))) {
			return true;
		}
		return Array.prototype.some.call(document.querySelectorAll('textarea'), function (box) {
			return box.value.trim() !== '';
		});
	}

	try {
		const scrolled = Number(sessionStorage.getItem(SCROLLED));
		sessionStorage.removeItem(SCROLLED);
		if (scrolled > 0) {
			window.scrollTo(0, scrolled);
		}
	}
	catch (error) {
		// storage is off: the page opens at its top
	}

	setInterval(function () {
		if (busy()) {
			return;
		}
		try {
			sessionStorage.setItem(SCROLLED, String(window.scrollY));
		}
		catch (error) {
			// storage is off: the page opens at its top
		}
		window.location.replace(window.location.pathname);
	}, 30000);
})();
