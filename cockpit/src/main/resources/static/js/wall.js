// The team's wall reads itself again every few seconds (htmx, hx-trigger="every 5s"). When its link stops opening it
// (revoked), the screen loads the page again, which then says so, rather than showing figures that no longer move.
(function () {
  document.addEventListener('htmx:responseError', function (event) {
    if (event.detail && event.detail.xhr && event.detail.xhr.status === 404) {
      window.location.reload();
    }
  });
})();
