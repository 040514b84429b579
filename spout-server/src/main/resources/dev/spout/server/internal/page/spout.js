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
        if (!response.ok) throw new Error(method + ' ' + url + ' answered ' + response.status + ': ' + text);
        return text;
      });
    });
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
        if (o.success) o.success(text, element);
      }).catch(function (error) { console.error('spout:', error); });
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

  function start() {
    document.querySelectorAll('[data-spout-offline]').forEach(function (element) { element.hidden = true; });
    document.querySelectorAll('[data-spout-connect]').forEach(connect);
  }

  window.Spout = {bind: bind, send: send, patch: patch, state: state};
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
