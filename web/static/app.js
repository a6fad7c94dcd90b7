// Site-wide behaviour: copy a citation, print. No inline scripts (the CSP forbids them).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const field = document.querySelector(".cite-field");
  document.querySelectorAll("button.copy").forEach((button) => {
    button.addEventListener("click", async () => {
      const text = button.dataset.cite;
      if (field) { field.value = text; }
      let copied = false;
      if (navigator.clipboard && window.isSecureContext) {
        try { await navigator.clipboard.writeText(text); copied = true; } catch (e) { copied = false; }
      }
      if (!copied && field) { field.select(); copied = document.execCommand("copy"); }
      document.querySelectorAll("button.copy").forEach((b) => b.classList.remove("copied"));
      button.classList.add("copied");
      button.title = copied ? "已复制：" + text : "请按 Ctrl+C 复制";
    });
  });
  document.querySelectorAll("button.print").forEach((b) => b.addEventListener("click", () => window.print()));
});
