// jdlint HTML report: filters by severity and category, and a click on marked text shows
// its finding. Runs from the file itself; it loads nothing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-f]"));
  var byId = {};
  findings.forEach(function (li) { byId[li.id] = li; });

  function apply() {
    var show = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      show[box.name + ":" + box.value] = box.checked;
    });
    findings.forEach(function (li) {
      li.hidden = !(show["severity:" + li.dataset.severity] && show["category:" + li.dataset.category]);
    });
    marks.forEach(function (mark) {
      var on = mark.dataset.f.split(" ").some(function (id) { return !byId[id].hidden; });
      mark.classList.toggle("off", !on);
    });
    document.querySelectorAll("article.posting").forEach(function (article) {
      var visible = article.querySelectorAll("li.finding:not([hidden])").length;
      article.querySelector(".shown-count").textContent = visible;
    });
    document.getElementById("shown-total").textContent =
      findings.filter(function (li) { return !li.hidden; }).length;
  }

  form.addEventListener("change", apply);
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-f]");
    if (!mark || mark.classList.contains("off")) { return; }
    var id = mark.dataset.f.split(" ").filter(function (x) { return !byId[x].hidden; })[0];
    var li = byId[id];
    document.querySelectorAll("li.finding.focus").forEach(function (x) { x.classList.remove("focus"); });
    li.classList.add("focus");
    li.scrollIntoView({block: "center"});
  });
  function openRule() {  // "about this rule": open its explanation
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  window.addEventListener("hashchange", openRule);
  openRule();
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches("mark[data-f]")) { event.target.click(); }
  });
  apply();
}());
