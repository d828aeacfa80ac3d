"use strict";
(function () {
  var form = document.getElementById("filters");
  var date = document.getElementById("filter-date");
  var publisher = document.getElementById("filter-publisher");
  var warnings = document.getElementById("filter-warnings");
  var shown = document.getElementById("shown");
  var list = document.getElementById("articles");
  var noun = list.dataset.noun || "articles";
  var items = Array.prototype.slice.call(list.children);
  function apply() {
    var count = 0;
    items.forEach(function (item) {
      // A story has several dates (space-separated) and publishers (one a line).
      var visible = (!date.value || item.dataset.date.split(" ").indexOf(date.value) >= 0) &&
        (!publisher.value || item.dataset.publisher.split("\n").indexOf(publisher.value) >= 0) &&
        (!warnings.checked || Number(item.dataset.warnings) > 0);
      item.hidden = !visible;
      count += visible ? 1 : 0;
    });
    shown.textContent = "Showing " + count + " of " + items.length + " " + noun + ".";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
