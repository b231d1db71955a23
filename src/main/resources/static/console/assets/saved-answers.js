// Puts the saved answer chosen on a conversation's page into the reply, for the staff member to change or send: where
// the caret is (in place of what is selected there) once they have been in the reply, else after what it holds (a
// reply kept from a failed send, say). Without scripts the choice stays hidden.
(function () {
	'use strict';

	const choice = document.getElementById('saved-answer');
	const insert = document.getElementById('insert-answer');
	const reply = document.getElementById('reply');
	if (!choice || !insert || !reply) {
		return;
	}
	choice.closest('.saved').hidden = false;
	let visited = false;
	reply.addEventListener('focus', function () {
		visited = true;
	});

	insert.addEventListener('click', function () {
		const start = visited ? reply.selectionStart : reply.value.length;
		const end = visited ? reply.selectionEnd : reply.value.length;
		const before = reply.value.slice(0, start);
		const after = reply.value.slice(end);
		// a blank line between the answer and what the reply holds on either side
		const gapBefore = before.trim() === '' ? '' : '\n\n'.slice(before.match(/\n{0,2}$/)[0].length);
		const gapAfter = after.trim() === '' ? '' : '\n\n'.slice(after.match(/^\n{0,2}/)[0].length);
		reply.setRangeText(gapBefore + choice.value + gapAfter, start, end, 'end');
		// tall enough to read what was put in, up to about half a screen
		const fits = Math.min(reply.scrollHeight + 4, Math.round(window.innerHeight / 2));
		reply.style.height = Math.max(reply.offsetHeight, fits) + 'px';
		reply.focus();
	});
})();
