// Det Fælles Designsystem's components (mobile menu, accordions, tabs, error summary, ...), after marking the
// page as one with JavaScript (site.css shows the menu open without it). The character limit is started here
// with the page's own language's words (templates/includes/field.html puts them on the field).
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");
  var limits = Array.prototype.slice.call(document.querySelectorAll(".form-limit"));
  limits.forEach(function (el) { el.classList.remove("form-limit"); });
  DKFDS.init();
  limits.forEach(function (el) {
    el.classList.add("form-limit");
    var remaining = el.getAttribute("data-text-remaining"), tooMany = el.getAttribute("data-text-too-many");
    new DKFDS.CharacterLimit(el, {
      character_remaining: remaining, characters_remaining: remaining,
      character_too_many: tooMany, characters_too_many: tooMany
    }).init();
  });
})();
