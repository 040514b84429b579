// The hub's debugging page: subscribe with the browser's own EventSource (a subscriber's token goes in the
// mercureAuthorization cookie, as a page of another site's hub would get it), publish with fetch and a publisher's
// token. Text from the hub is shown with textContent, never as HTML.
'use strict';
(function () {
  const hub = new URL('/.well-known/mercure', location);
  const $ = (id) => document.getElementById(id);
  let source = null;

  function line(list, text) {
    const item = document.createElement('li');
    item.textContent = text;
    $(list).appendChild(item);
  }

  $('subscribe').addEventListener('submit', (event) => {
    event.preventDefault();
    if (source) source.close();
    const token = $('subscriber-token').value.trim();
    document.cookie = 'mercureAuthorization=' + encodeURIComponent(token) + '; path=/.well-known/mercure; SameSite=Strict'
      + (token ? '' : '; max-age=0');
    const url = new URL(hub);
    for (const selector of $('selectors').value.split(/\s+/).filter(Boolean)) {
      url.searchParams.append('match', selector);
    }
    const type = $('type').value.trim() || 'message';
    source = new EventSource(url, { withCredentials: true });
    $('state').textContent = 'connecting';
    source.onopen = () => { $('state').textContent = 'open'; };
    source.onerror = () => { $('state').textContent = source.readyState === 2 ? 'closed' : 'reconnecting'; };
    source.addEventListener(type, (e) => line('events', e.lastEventId + ' ' + e.data));
  });

  $('publish').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new URLSearchParams({ topic: $('topic').value, data: $('data').value });
    if ($('private').checked) form.append('private', 'on');
    const response = await fetch(hub, {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + $('publisher-token').value.trim() },
      body: form,
    });
    line('published', response.status + ' ' + (await response.text()));
  });
})();
