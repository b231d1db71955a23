// Puts the saved answer chosen on a conversation's page into the reply, where the caret is (in place of what is
// selected there), for the staff member to change or send. Without scripts the choice stays hidden.
(function () {
	'use strict';

	const choice = document.getElementById('saved-answer');
	const insert = document.getElementById('insert-answer');
	const reply = document.getElementById('reply');
	if (!choice || !insert || !reply) {
		return;
	}
	choice.closest('.saved').hidden = false;

	insert.addEventListener('click', function () {
		const before = reply.value.slice(0, reply.selectionStart);
		const gap = before.trim() !== '' && !/\n$/.test(before) ? '\n\n' : '';
		reply.setRangeText(gap + choice.value, reply.selectionStart, reply.selectionEnd, 'end');
		reply.focus();
	});
})();
