// The demo's "On the wire" panels: when one is opened, it reads its example's stream with fetch, as text, and shows
// the lines as they arrive (the last 80), exactly as the server wrote them: id, event, data, retry and comment lines.
// Closing the panel, or leaving the page, ends that stream.
(function () {
  'use strict';
  document.querySelectorAll('details.wire').forEach(function (details) {
    var panel = details.querySelector('pre[data-wire]');
    var controller = null;
    details.addEventListener('toggle', function () {
      if (!details.open) {
        if (controller) controller.abort();
        controller = null;
        return;
      }
      controller = new AbortController();
      var signal = controller.signal;
      panel.textContent = '';
      fetch(panel.dataset.wire, {headers: {Accept: 'text/event-stream'}, credentials: 'same-origin', signal: signal})
        .then(function (response) {
          if (!response.ok || !response.body) {
            panel.textContent = 'HTTP ' + response.status;
            return;
          }
          var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          var text = '';
          function next() {
            return reader.read().then(function (chunk) {
              if (chunk.done) {
                panel.textContent = text + '\n(the stream ended)';
                return;
              }
              text = (text + chunk.value).split('\n').slice(-80).join('\n');
              panel.textContent = text;
              panel.scrollTop = panel.scrollHeight;
              return next();
            });
          }
          return next();
        })
        .catch(function (failure) {
          if (failure.name !== 'AbortError') panel.textContent += '\n(' + failure.message + ')';
        });
    });
    window.addEventListener('pagehide', function () { if (controller) controller.abort(); });
  });
})();
