// A page that comes back with errors puts the focus on its error summary, so a screen reader reads it first
// (the summary lists each error with a link to its field). Loaded by base.html; no inline script is needed.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
