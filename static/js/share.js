/* Share links: shows the phone's share sheet (Zalo, Messenger …) and "copy link"
   buttons where the browser can do them. Without JavaScript the Facebook link and
   the selectable address still work. Loads nothing from anyone else. */
(function () {
  "use strict";
  document.querySelectorAll("[data-share]").forEach(function (box) {
    var url = box.getAttribute("data-share-url");
    var title = box.getAttribute("data-share-title");
    var done = box.querySelector("[data-share-done]");
    var native = box.querySelector("[data-share-native]");
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    var copy = box.querySelector("[data-share-copy]");
    var input = box.querySelector("input");
    if (!copy || !input) return;
    copy.hidden = false;
    function copied() { if (done) done.hidden = false; }
    copy.addEventListener("click", function () {
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(copied, function () {});
      } else {
        try { if (document.execCommand("copy")) copied(); } catch (e) { /* selected */ }
      }
    });
  });
})();
