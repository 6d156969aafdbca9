// Nothing typed is lost: what is typed in a long form (a form with data-draft) is kept in this browser,
// encrypted with the person's own key (AES-GCM; the key comes with each page and is never stored), until the
// server confirms the form was taken. If the session expired meanwhile, the person signs in again, opens the
// form and finds what they typed, with a message saying so. Drafts last at most 12 hours and are removed on
// signing out; where the browser offers no encryption (plain HTTP), nothing is kept.
(function () {
  'use strict';
  var PREFIX = 'draft:';
  var MAX_AGE_MS = 12 * 60 * 60 * 1000;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  var storage;
  try { storage = window.localStorage; } catch (e) { return; }
  if (!storage) {
    return;
  }
  var owner = meta('draft-owner');
  var pendingKey = 'draft-pending:' + owner;

  // drafts too old are dropped, whoever they belong to
  Object.keys(storage).forEach(function (key) {
    if (key.indexOf(PREFIX) !== 0) {
      return;
    }
    try {
      var draft = JSON.parse(storage.getItem(key));
      if (!draft || Date.now() - draft.savedAt > MAX_AGE_MS) {
        storage.removeItem(key);
      }
    } catch (e) {
      storage.removeItem(key);
    }
  });

  // the form this person sent before this page: a page that confirms it (a success message) ends its draft
  var pending = owner && storage.getItem(pendingKey);
  if (pending && document.querySelector('.flash.ok, [data-draft-done]')) {
    storage.removeItem(pending);
    storage.removeItem(pendingKey);
  }

  // signing out forgets every draft of this browser
  document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      Object.keys(storage).forEach(function (key) {
        if (key.indexOf(PREFIX) === 0 || key.indexOf('draft-pending:') === 0) {
          storage.removeItem(key);
        }
      });
    });
  });

  var rawKey = meta('draft-key');
  var subtle = window.crypto && window.crypto.subtle;
  if (!owner || !rawKey || !subtle) {
    return;
  }

  function bytes(base64) {
    return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
  }

  function base64(buffer) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)));
  }

  subtle.importKey('raw', bytes(rawKey), 'AES-GCM', false, ['encrypt', 'decrypt']).then(function (key) {
    document.querySelectorAll('form[data-draft]').forEach(function (form) { keep(form, key); });
  });

  function keep(form, key) {
    var name = PREFIX + owner + ':' + form.getAttribute('data-draft');

    function fields() {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.name && el.name !== '_csrf' && el.type !== 'submit' && el.type !== 'button' && el.type !== 'hidden';
      });
    }

    function save() {
      var values = {};
      fields().forEach(function (el) {
        if (el.type === 'checkbox') {
          if (el.checked) {
            values[el.name] = (values[el.name] || []).concat([el.value]);
          }
        } else if (el.type === 'radio') {
          if (el.checked) {
            values[el.name] = el.value;
          }
        } else if (el.value) {
          values[el.name] = el.value;
        }
      });
      var iv = window.crypto.getRandomValues(new Uint8Array(12));
      var plain = new TextEncoder().encode(JSON.stringify(values));
      return subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, plain).then(function (cipher) {
        storage.setItem(name, JSON.stringify({ savedAt: Date.now(), iv: base64(iv), data: base64(cipher) }));
      });
    }

    // what was typed before comes back into the fields left empty (the server's own values win)
    function restore(values) {
      var restored = false;
      fields().forEach(function (el) {
        var value = values[el.name];
        if (value === undefined) {
          return;
        }
        if (el.type === 'checkbox') {
          if (!el.checked && [].concat(value).indexOf(el.value) >= 0) {
            el.checked = true;
            restored = true;
          }
        } else if (el.type === 'radio') {
          if (!form.querySelector('[name="' + el.name + '"]:checked') && el.value === value) {
            el.checked = true;
            restored = true;
          }
        } else if (!el.value) {
          el.value = value;
          restored = true;
        }
      });
      var notice = form.querySelector('[data-draft-restored]');
      if (restored && notice) {
        notice.hidden = false;
      }
    }

    var stored = storage.getItem(name);
    if (stored) {
      try {
        var draft = JSON.parse(stored);
        subtle.decrypt({ name: 'AES-GCM', iv: bytes(draft.iv) }, key, bytes(draft.data))
          .then(function (plain) { restore(JSON.parse(new TextDecoder().decode(plain))); })
          // another server run's key, or not this person's: the draft cannot be read and is dropped
          .catch(function () { storage.removeItem(name); });
      } catch (e) {
        storage.removeItem(name);
      }
    }

    form.addEventListener('input', save);
    form.addEventListener('change', save);
    form.addEventListener('submit', function () {
      storage.setItem(pendingKey, name);
      save();
    });
  }
})();
