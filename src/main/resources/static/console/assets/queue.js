// Keeps the queue fresh: reloads the page every 30 seconds, unless a reply is being written.
(function () {
	'use strict';

	function writing() {
		const active = document.activeElement;
		if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')) {
			return true;
		}
		return Array.prototype.some.call(document.querySelectorAll('textarea'), function (box) {
			return box.value.trim() !== '';
		});
	}

	setInterval(function () {
		if (!writing()) {
			window.location.replace(window.location.pathname);
		}
	}, 30000);
})();
