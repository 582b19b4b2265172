// Search facets sit above the results on a phone: start them folded there.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 800px)").matches) return;
  document.querySelectorAll("details.facet").forEach(function (d) { d.open = false; });
})();

// The article view: click (or Enter on) an attribution to see its source,
// role and type in the side card. Content is copied from the server-rendered
// list with cloneNode, never parsed from strings.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var card = document.getElementById("attribution-card");
  if (!text || !card) return;

  function select(id) {
    var entry = document.getElementById("q" + id);
    if (!entry) return;
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll('[data-q="' + id + '"]').forEach(function (el) { el.classList.add("active"); });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", function () { card.hidden = true; });
    card.replaceChildren.apply(card, [close].concat(Array.prototype.map.call(entry.children, function (el) {
      return el.cloneNode(true);
    })));
    card.hidden = false;
  }

  text.addEventListener("click", function (event) {
    var span = event.target.closest("[data-q]");
    if (span) select(span.dataset.q);
  });
  text.addEventListener("keydown", function (event) {
    var span = event.target.closest("[data-q]");
    if (span && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(span.dataset.q);
    }
  });
  // Each quote's first piece is reachable by keyboard.
  var seen = {};
  text.querySelectorAll(".q[data-q]").forEach(function (span) {
    if (!seen[span.dataset.q]) {
      seen[span.dataset.q] = true;
      span.tabIndex = 0;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") card.hidden = true;
  });
  // A link to #q123 (from a search result) opens that attribution.
  if (/^#q\d+$/.test(location.hash)) {
    var id = location.hash.slice(2);
    select(id);
    var first = text.querySelector('[data-q="' + id + '"]');
    if (first) first.scrollIntoView({ block: "center" });
  }
})();

// Copy-as-citation on quote cards: the server wrote the citation into
// data-citation; the clipboard API needs a secure context (loopback is one),
// otherwise a selected textarea and execCommand do it.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy-citation");
    if (!button) return;
    var text = button.dataset.citation;
    function done() {
      button.textContent = "Copied";
      button.classList.add("copied");
      setTimeout(function () { button.textContent = "Copy citation"; button.classList.remove("copied"); }, 2000);
    }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
      done();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  });
})();
