"use strict";
(function () {
  function clearMarks() {
    document.querySelectorAll(".is-source, .is-term").forEach(function (element) {
      element.classList.remove("is-source", "is-term");
    });
  }
  function showSource(link) {
    var row = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!row) { return; }
    clearMarks();
    row.classList.add("is-source");
    row.querySelectorAll(".term").forEach(function (term) {
      if (term.dataset.term === link.dataset.term) { term.classList.add("is-term"); }
    });
  }
  document.querySelectorAll("a.source-link").forEach(function (link) {
    link.addEventListener("focus", function () { showSource(link); });
    link.addEventListener("click", function () { showSource(link); });
  });
})();
