// Draws the reports page's charts with Chart.js (served by the app) from the series at the address in data-source.
(function () {
	'use strict';

	const section = document.getElementById('charts');
	if (!section || typeof Chart === 'undefined') {
		return;
	}
	// the page's colours, light or dark as the staff member's device is
	const style = getComputedStyle(document.documentElement);
	const colour = name => style.getPropertyValue(name).trim();
	const accent = colour('--link');
	const late = colour('--late');
	const good = colour('--good');
	Chart.defaults.color = colour('--muted');
	Chart.defaults.borderColor = colour('--line');
	const common = { responsive: true, maintainAspectRatio: false, animation: false };

	function draw(series) {
		new Chart(document.getElementById('ratings-per-day'), {
			type: 'line',
			data: {
				labels: series.days,
				datasets: [{ label: 'Average rating', data: series.averages, borderColor: accent,
					backgroundColor: accent, spanGaps: true, tension: 0.2 }]
			},
			options: Object.assign({}, common, {
				scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } },
				plugins: {
					legend: { display: false },
					tooltip: { callbacks: { afterLabel: function (item) {
						const count = series.counts[item.dataIndex];
						return count + (count === 1 ? ' rating' : ' ratings');
					} } }
				}
			})
		});
		new Chart(document.getElementById('rating-distribution'), {
			type: 'bar',
			data: {
				labels: ['1', '2', '3', '4', '5'],
				datasets: [{ label: 'Ratings', data: series.distribution,
					backgroundColor: [late, '#ef6c00', '#9e9e9e', '#7cb342', good] }]
			},
			options: Object.assign({}, common, {
				scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
				plugins: { legend: { display: false } }
			})
		});
		new Chart(document.getElementById('promises-per-week'), {
			type: 'bar',
			data: {
				labels: series.weeks,
				datasets: [
					{ label: 'Kept', data: series.kept, backgroundColor: good },
					{ label: 'Missed', data: series.missed, backgroundColor: late }
				]
			},
			options: Object.assign({}, common, {
				scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
			})
		});
		section.dataset.drawn = 'true';
	}

	fetch(section.dataset.source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
		.then(function (response) {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		})
		.then(draw)
		.catch(function (problem) {
			const note = document.createElement('p');
			note.className = 'problem';
			note.textContent = 'The charts could not be loaded (' + problem.message + '). Reload the page to try again.';
			section.prepend(note);
		});
})();
