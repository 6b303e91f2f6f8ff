/* Progressive enhancement of an event page: next to each session time (given in the
   event's time zone, which stays the reference), the same instant in the visitor's
   own time zone, when it differs. Without JavaScript, or in the event's zone, the
   page is unchanged. Texts come from data-* attributes, translated by the server. */
(function () {
  "use strict";
  var root = document.querySelector("[data-local-times]");
  if (!root || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var times = root.querySelectorAll("time[data-local]");
  if (!visitorZone || visitorZone === root.dataset.eventZone || times.length === 0) {
    return;
  }
  var language = document.documentElement.lang || "en";
  var clock = new Intl.DateTimeFormat(language, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  var weekday = new Intl.DateTimeFormat(language, { weekday: "short" });
  var isoDay = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  var changed = false;
  times.forEach(function (element) {
    var iso = element.getAttribute("datetime");
    var instant = new Date(iso);
    if (isNaN(instant.getTime())) {
      return;
    }
    var text = clock.format(instant);
    // The visitor's date may differ from the event's: then name the weekday too.
    if (isoDay.format(instant) !== iso.slice(0, 10)) {
      text = weekday.format(instant) + " " + text;
    }
    if (text === element.textContent) {
      return;
    }
    var local = document.createElement("span");
    local.className = "local-time";
    local.textContent = " (" + text + " " + root.dataset.yourTime + ")";
    element.after(local);
    changed = true;
  });
  var note = root.querySelector("[data-local-note]");
  if (changed && note) {
    note.textContent = note.dataset.template.replace("{zone}", visitorZone);
    note.hidden = false;
  }
})();
