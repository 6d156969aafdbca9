// An upload form (data-max-bytes) checks the chosen file's size before sending it: on a slow connection a file
// the server will refuse is not sent at all, and the reason shows at the field at once.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var max = form.getAttribute && form.getAttribute('data-max-bytes');
    if (!max) {
      return;
    }
    var input = form.querySelector('input[type=file]');
    var error = form.querySelector('[role=alert]');
    var file = input && input.files && input.files[0];
    if (file && file.size > Number(max)) {
      event.preventDefault();
      if (error) {
        error.textContent = form.getAttribute('data-too-large');
        error.hidden = false;
      }
      input.focus();
    }
  });
}());
