// The inbox fetches its lists again every 30 seconds, and each fetch keeps the session alive. A person who has
// left the computer must still be signed out when the session times out: the fetching pauses while the page is
// hidden and stops after 20 minutes without a key, a click or a touch.
(function () {
  'use strict';
  var IDLE_MS = 20 * 60 * 1000;
  var last = Date.now();
  ['keydown', 'mousedown', 'touchstart', 'wheel'].forEach(function (name) {
    document.addEventListener(name, function () { last = Date.now(); }, { passive: true });
  });
  document.addEventListener('htmx:beforeRequest', function (event) {
    var element = event.detail && event.detail.elt;
    if (!element || !element.hasAttribute('hx-trigger') || element.getAttribute('hx-trigger').indexOf('every') !== 0) {
      return;
    }
    if (document.visibilityState === 'hidden' || Date.now() - last > IDLE_MS) {
      event.preventDefault();
    }
  });
})();
