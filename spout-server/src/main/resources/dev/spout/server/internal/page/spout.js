/* spout.js: ajax bindings and live pages for Spout. No dependencies. https://github.com/ (Spout) */
(function () {
  'use strict';

  function token() {
    var meta = document.querySelector('meta[name="spout-csrf"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function send(url, method, body, options) {
    var init = {method: method, credentials: 'same-origin',
      headers: {'X-Spout-CSRF': token(), 'X-Requested-With': 'spout'}};
    var target = url;
    var query = body ? body.toString() : '';
    if (method === 'GET' || method === 'HEAD') {
      if (query) target += (url.indexOf('?') < 0 ? '?' : '&') + query;
    } else if (body) {
      init.body = body;
    }
    return fetch(target, init).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var type = response.headers.get('Content-Type') || '';
          var reason = type.indexOf('text/plain') === 0 ? text
            : type.indexOf('text/html') === 0 ? new DOMParser().parseFromString(text, 'text/html').body.textContent
            : '';
          reason = (reason || '').trim().slice(0, 500);
          var error = new Error(method + ' ' + url + ' answered ' + response.status + ': ' + text);
          error.status = response.status;
          error.reason = reason
            || 'The server answered ' + response.status + (response.statusText ? ' ' + response.statusText : '');
          throw error;
        }
        return text;
      });
    });
  }

  /* Where a binding's failures show: the nearest [data-spout-errors], the page's first, or a box made for them. */
  function errorBox(element, create) {
    var box = (element.closest && element.closest('[data-spout-errors]')) || null;
    if (!box && element.querySelector) box = element.querySelector('[data-spout-errors]');
    if (!box) box = document.querySelector('[data-spout-errors]');
    if (!box && create) {
      box = document.createElement('div');
      box.setAttribute('data-spout-errors', '');
      box.className = 'spout-error-box';
      box.style.cssText = 'position:fixed;top:1em;left:50%;transform:translateX(-50%);z-index:2147483647;'
        + 'background:#fdecea;color:#611a15;border:1px solid #f5c2c0;padding:.6em 1em;border-radius:6px;';
      document.body.appendChild(box);
    }
    return box;
  }

  function report(element, error) {
    console.error('spout:', error);
    var detail = {status: error.status || 0, message: error.reason || 'The request failed: ' + error.message};
    var event = new CustomEvent('spout:error', {bubbles: true, cancelable: true, detail: detail});
    if (!element.dispatchEvent(event)) return;
    var box = errorBox(element, true);
    box.setAttribute('role', 'alert');
    box.textContent = detail.message;
    box.hidden = false;
  }

  function formOf(element) {
    return element.tagName === 'FORM' ? element : (element.form || element.closest('form'));
  }

  /* awful's ajax: when `type` fires on an element matching `selector`, call `url` with the options' arguments. */
  function bind(selector, type, url, options) {
    var o = options || {};
    document.addEventListener(type, function (event) {
      var element = event.target && event.target.closest ? event.target.closest(selector) : null;
      if (!element) return;
      if (type === 'submit') event.preventDefault();
      if (o.prelude && o.prelude(element) === false) return;
      var body = new URLSearchParams();
      (o.args || []).forEach(function (a) {
        if (a.form) {
          var form = formOf(element);
          if (form) new FormData(form).forEach(function (value, name) {
            if (typeof value === 'string') body.append(name, value);
          });
        } else if (a.field) {
          var field = document.querySelector(a.field);
          body.append(a.name, field ? (field.value !== undefined ? field.value : field.textContent) : '');
        } else if (a.expr) {
          body.append(a.name, String(a.expr(element)));
        } else {
          body.append(a.name, a.value);
        }
      });
      send(url, o.method || 'POST', body, o).then(function (text) {
        if (o.updateTargets) {
          var updates = JSON.parse(text || '{}');
          Object.keys(updates).forEach(function (id) {
            var target = document.getElementById(id);
            if (target) target.innerHTML = updates[id];
          });
        } else if (o.target) {
          document.querySelectorAll(o.target).forEach(function (target) { target.innerHTML = text; });
        }
        if (o.resetForm) { var form = formOf(element); if (form) form.reset(); }
        if (o.clear) document.querySelectorAll(o.clear).forEach(function (field) { field.value = ''; });
        var box = errorBox(element, false);
        if (box) box.hidden = true;
        if (o.success) o.success(text, element);
      }).catch(function (error) { report(element, error); });
    }, true);
  }

  /* Server-sent HTML patches: {"op": "inner|outer|append|prepend|remove", "target": id, "html": "..."} */
  function patch(data) {
    var p = JSON.parse(data);
    var target = document.getElementById(p.target);
    if (!target) return;
    switch (p.op) {
      case 'inner': target.innerHTML = p.html; break;
      case 'outer': target.outerHTML = p.html; break;
      case 'append': target.insertAdjacentHTML('beforeend', p.html); break;
      case 'prepend': target.insertAdjacentHTML('afterbegin', p.html); break;
      case 'remove': target.remove(); break;
      default: console.error('spout: unknown patch', p.op);
    }
  }

  /* JSON state: every element with data-spout-state="key" shows the key's value. */
  function state(data) {
    var values = JSON.parse(data);
    Object.keys(values).forEach(function (key) {
      document.querySelectorAll('[data-spout-state="' + CSS.escape(key) + '"]').forEach(function (element) {
        var value = values[key];
        if ('value' in element && element.tagName !== 'LI' && element.tagName !== 'BUTTON') element.value = value;
        else element.textContent = String(value);
      });
    });
  }

  function status(open) {
    document.documentElement.classList.toggle('spout-disconnected', !open);
    document.querySelectorAll('[data-spout-status]').forEach(function (element) {
      element.textContent = open ? 'connected' : 'reconnecting';
    });
    document.querySelectorAll('[data-spout-offline]').forEach(function (element) {
      element.hidden = open;
    });
  }

  /* Each [data-spout-connect] element opens one stream; bindings inside it follow that stream. */
  function connect(root) {
    var source = new EventSource(root.getAttribute('data-spout-connect'), {withCredentials: true});
    source.addEventListener('open', function () { status(true); });
    source.addEventListener('error', function () { status(source.readyState === EventSource.OPEN); });
    source.addEventListener('spout-patch', function (e) { patch(e.data); });
    source.addEventListener('spout-state', function (e) { state(e.data); });
    var scope = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[data-spout-text],[data-spout-append],[data-spout-prepend]')));
    scope.forEach(function (element) {
      [['data-spout-text', function (e) { element.textContent = e.data; }],
       ['data-spout-append', function (e) { element.insertAdjacentHTML('beforeend', e.data); }],
       ['data-spout-prepend', function (e) { element.insertAdjacentHTML('afterbegin', e.data); }]
      ].forEach(function (binding) {
        var type = element.getAttribute(binding[0]);
        if (type) source.addEventListener(type, binding[1]);
      });
    });
    return source;
  }

  var sources = [];

  function start() {
    document.querySelectorAll('[data-spout-offline]').forEach(function (element) { element.hidden = true; });
    document.querySelectorAll('[data-spout-connect]').forEach(function (root) { sources.push(connect(root)); });
  }

  /* A page kept in the back/forward cache would keep its streams open: on HTTP/1.1 a browser has six connections
     per host, so a few such pages starve the next one. Close them when the page is hidden; a page shown again from
     the cache reloads, so it shows the state as it is now rather than what it missed. */
  window.addEventListener('pagehide', function (event) {
    if (event.persisted) sources.forEach(function (source) { source.close(); });
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && sources.length) location.reload();
  });

  window.Spout = {bind: bind, send: send, patch: patch, state: state};
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
