// Optional: every page works without it.  Enter sends the answer (Shift+Enter is a new line; Enter that ends an
// input method's composition only commits it); what is being typed survives a reload of the page
// (sessionStorage, per draft) and is cleared when the answer is sent and at logout.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  if (form) {
    var box = document.getElementById("answer");
    var key = "gkassist-typing:" + form.getAttribute("data-key");
    var composing = false;
    try {
      var kept = window.sessionStorage.getItem(key);
      if (kept && !box.value) { box.value = kept; }
    } catch (e) { /* storage off: typing is simply not kept */ }
    box.addEventListener("compositionstart", function () { composing = true; });
    box.addEventListener("compositionend", function () { composing = false; remember(); });
    box.addEventListener("input", remember);
    function remember() {
      try { window.sessionStorage.setItem(key, box.value); } catch (e) { /* ignore */ }
    }
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && !composing && ev.keyCode !== 229) {
        ev.preventDefault();
        if (box.value.trim()) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
      }
    });
    form.addEventListener("submit", function () {
      try { window.sessionStorage.removeItem(key); } catch (e) { /* ignore */ }
    });
    var end = document.getElementById("end");
    if (end && end.scrollIntoView) { end.scrollIntoView(); }
    box.focus();
  }
  var logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("submit", function () {
      try { window.sessionStorage.clear(); } catch (e) { /* ignore */ }
    });
  }
})();
