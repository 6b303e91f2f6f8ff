// Roll call: "Mark the rest present" and a live count of the marks. The page is a plain
// form that works without this script; the tools stay hidden until it runs.
(function () {
  "use strict";
  const form = document.querySelector("[data-roll-call]");
  if (!form) {
    return;
  }
  const tools = form.querySelector("[data-roll-tools]");
  const count = form.querySelector("[data-roll-count]");
  const restPresent = form.querySelector("[data-all-present]");
  const rows = Array.from(form.querySelectorAll(".roll-row"));
  const kinds = ["present", "late", "absent", "unmarked"];

  function label(kind) {
    return count.dataset["label" + kind[0].toUpperCase() + kind.slice(1)];
  }

  function update() {
    const tally = { present: 0, late: 0, absent: 0, unmarked: 0 };
    rows.forEach(function (row) {
      const checked = row.querySelector("input[type=radio]:checked");
      tally[checked ? checked.value : "unmarked"] += 1;
    });
    count.textContent = kinds
      .map(function (kind) {
        return tally[kind] + " " + label(kind);
      })
      .join(" · ");
  }

  if (restPresent) {
    // Only the rows without a mark: a mark already chosen (or saved) is never overwritten.
    restPresent.addEventListener("click", function () {
      rows.forEach(function (row) {
        const present = row.querySelector('input[value="present"]');
        if (present && !present.disabled && !row.querySelector("input[type=radio]:checked")) {
          present.checked = true;
        }
      });
      update();
    });
  }
  form.addEventListener("change", update);
  tools.hidden = false;
  update();
})();
