// The case form: repeatable groups (add / remove an entry) and the live machine check, which posts
// the form as it stands and shows the problems under each field and the findings beside the form.
"use strict";
(() => {
  const form = document.getElementById("case-form");
  if (!form) { return; }
  const panel = document.getElementById("findings");
  let timer = null;
  let sequence = 0;

  function renumber(group) {
    group.querySelectorAll(":scope > .group-entry").forEach((entry, position) => {
      const number = entry.querySelector(".number");
      if (number) { number.textContent = String(position + 1); }
    });
  }

  form.querySelectorAll("[data-group]").forEach((group) => {
    const template = group.querySelector(":scope > template");
    group.querySelector(":scope > .add-entry").addEventListener("click", () => {
      const used = Array.from(group.querySelectorAll(":scope > .group-entry")).map((e) => Number(e.dataset.index));
      const next = used.length ? Math.max(...used) + 1 : 0;
      const entry = template.content.firstElementChild.cloneNode(true);
      entry.dataset.index = String(next);
      entry.querySelectorAll("[name]").forEach((input) => { input.name = input.name.replace("[__i__]", "[" + next + "]"); });
      entry.querySelectorAll("[data-errors-for]").forEach((span) => {
        span.dataset.errorsFor = span.dataset.errorsFor.replace("[__i__]", "[" + next + "]");
      });
      group.insertBefore(entry, group.querySelector(":scope > template"));
      renumber(group);
      schedule();
    });
    group.addEventListener("click", (event) => {
      if (event.target.classList.contains("remove-entry")) {
        event.target.closest(".group-entry").remove();
        renumber(group);
        schedule();
      }
    });
  });

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) { node.className = className; }
    return node;
  }

  function showErrors(errors) {
    form.querySelectorAll("[data-errors-for]").forEach((span) => {
      const messages = errors[span.dataset.errorsFor] || [];
      span.textContent = messages.join("；");
      span.closest(".field").classList.toggle("has-error", messages.length > 0);
    });
  }

  function showFindings(result) {
    if (!panel) { return; }
    panel.querySelector("[data-unchecked]").textContent = result.unchecked || "";
    const general = panel.querySelector("[data-general]");
    general.replaceChildren(...result.general.map((p) => text("li", p)));
    const list = panel.querySelector("[data-findings]");
    list.replaceChildren(...result.findings.map((f) => {
      const item = document.createElement("li");
      item.className = "finding outcome-" + f.outcome;
      item.append(text("span", f.outcome, "badge"), " ", text("b", f.title), "：" + f.message);
      if (f.overridden) { item.append(text("div", "人工判断（原为“" + f.original + "”）：" + f.overridden, "muted")); }
      if (f.details.length) {
        const details = document.createElement("ul");
        details.append(...f.details.map((d) => text("li", d)));
        item.append(details);
      }
      if (f.remedy) { item.append(text("div", "建议：" + f.remedy, "remedy")); }
      if (f.citations.length) { item.append(text("div", "依据：" + f.citations.join("；"), "muted")); }
      return item;
    }));
    const box = panel.querySelector("[data-conclusion]");
    box.replaceChildren();
    if (result.conclusion && result.conclusion.result) {
      const c = result.conclusion;
      const head = document.createElement("p");
      head.append(text("b", (c.proposed ? "建议结论" : "审核结论") + "：" + c.result));
      if (!c.proposed && c.machine !== c.result) { head.append("（机器建议结论为“" + c.machine + "”）"); }
      const reasons = document.createElement("ol");
      reasons.append(...c.reasons.map((r) => text("li", r)));
      box.append(head, reasons);
      if (c.notes.length) { box.append(text("p", "注意：" + c.notes.join("；"), "muted")); }
    }
  }

  async function check() {
    const mine = ++sequence;
    const data = new FormData(form);
    data.delete("attachments");
    try {
      const response = await fetch(form.dataset.checkUrl, { method: "POST", body: data, credentials: "same-origin",
                                                            headers: { "X-Requested-With": "fetch" } });
      if (!response.ok || mine !== sequence) { return; }
      const result = await response.json();
      showErrors(result.errors);
      showFindings(result);
      form.dataset.checked = String(mine);
    } catch (e) {
      if (panel) { panel.querySelector("[data-unchecked]").textContent = "机器核对暂时无法连接服务器。"; }
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
