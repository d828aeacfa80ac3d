"use strict";
(function () {
  var form = document.getElementById("filters");
  var date = document.getElementById("filter-date");
  var publisher = document.getElementById("filter-publisher");
  var warnings = document.getElementById("filter-warnings");
  var shown = document.getElementById("shown");
  var items = Array.prototype.slice.call(document.querySelectorAll("#articles > li"));
  function apply() {
    var count = 0;
    items.forEach(function (item) {
      var visible = (!date.value || item.dataset.date === date.value) &&
        (!publisher.value || item.dataset.publisher === publisher.value) &&
        (!warnings.checked || Number(item.dataset.warnings) > 0);
      item.hidden = !visible;
      count += visible ? 1 : 0;
    });
    shown.textContent = "Showing " + count + " of " + items.length + " articles.";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
