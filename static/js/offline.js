/* Registers the service worker (offline reading) and asks it to keep this page if
   the page allows it. Progressive enhancement: nothing depends on it. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      if (!document.querySelector("[data-offline-keep]")) return;
      return navigator.serviceWorker.ready.then(function (registration) {
        if (registration.active) {
          registration.active.postMessage({
            type: "keep",
            url: location.origin + location.pathname,
          });
        }
      });
    }).catch(function () {});
  });
})();
