// The import progress page polls the job's state until it is finished.
"use strict";
(() => {
  const box = document.getElementById("job");
  if (!box) { return; }
  function cell(content, className) {
    const td = document.createElement("td");
    if (className) {
      const span = document.createElement("span");
      span.className = className;
      span.textContent = content;
      td.append(span);
    } else { td.textContent = content; }
    return td;
  }
  async function poll() {
    const response = await fetch(box.dataset.stateUrl, { credentials: "same-origin" });
    if (!response.ok) { return; }
    const state = await response.json();
    box.querySelector("[data-phase]").textContent = state.phase;
    box.querySelector("[data-count]").textContent = state.done + " / " + state.total;
    const bar = box.querySelector("[data-progress]");
    bar.max = state.total || 1;
    bar.value = state.done;
    box.querySelector("[data-summary]").textContent = state.summary;
    box.querySelector("[data-files]").replaceChildren(...state.files.map((f) => {
      const row = document.createElement("tr");
      row.append(cell(f.name), cell(f.status, "status status-" + f.status), cell(f.message));
      return row;
    }));
    box.dataset.finished = state.finished ? "1" : "0";
    if (!state.finished) { setTimeout(poll, 700); }
  }
  poll();
})();
