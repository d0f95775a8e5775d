// The console's only script: confirmations for money actions, downloads with progress, and the dashboard charts.
// Pages work without it except for the charts; forms are plain HTML posts.
(function () {
  'use strict';

  // <form data-confirm="Approve payout of Rp 1.250.000?">: ask before it is sent.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // one click, one post: a second click while the first is on its way does nothing
    var buttons = form.querySelectorAll('button[type=submit]');
    window.setTimeout(function () {
      buttons.forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // <a data-download href="...csv">: fetch it with the session cookie and show how much has arrived.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-download]');
    if (!link || !window.fetch || !window.ReadableStream) {
      return;
    }
    event.preventDefault();
    var progress = document.getElementById(link.getAttribute('data-progress') || 'download-progress');
    var label = progress ? progress.querySelector('.bytes') : null;
    if (progress) { progress.hidden = false; }
    fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { throw new Error(text || response.status); });
      }
      var name = (response.headers.get('Content-Disposition') || '').replace(/.*filename="?([^";]+)"?.*/, '$1') || 'export.csv';
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) {
            var url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || 'text/csv' }));
            var a = document.createElement('a');
            a.href = url;
            a.download = name;
            document.body.appendChild(a);
            a.click();
            a.remove();
            URL.revokeObjectURL(url);
            if (label) { label.textContent = (received / 1024).toFixed(1) + ' KB ✓'; }
            return;
          }
          chunks.push(step.value);
          received += step.value.length;
          if (label) { label.textContent = (received / 1024).toFixed(1) + ' KB'; }
          return pump();
        });
      }
      return pump();
    }).catch(function (error) {
      if (label) { label.textContent = String(error.message || error); }
    });
  });

  // <canvas data-chart='{"type":"bar","labels":[...],"datasets":[...]}'>: drawn by Chart.js (a webjar).
  window.addEventListener('load', function () {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = JSON.parse(canvas.getAttribute('data-chart'));
      var options = { responsive: true, animation: false, plugins: { legend: { position: 'bottom' } } };
      // a spec may add top-level options of its own (e.g. stacked scales)
      Object.keys(spec.options || {}).forEach(function (key) { options[key] = spec.options[key]; });
      new window.Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: options
      });
      canvas.setAttribute('data-drawn', 'true');
    });
  });
})();
