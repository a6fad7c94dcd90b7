// Report pages: choosing another year reloads the page for that year (its stored narrative and agency).
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select.reload-year")) {
    select.addEventListener("change", () => {
      const url = new URL(window.location.href);
      url.searchParams.set("year", select.value);
      window.location.assign(url.toString());
    });
  }
  const upload = document.querySelector("input[name=narrative_file]");
  if (upload) {
    upload.addEventListener("change", () => {
      const choice = document.querySelector("input[name=narrative][value=upload]");
      if (upload.files.length && choice) choice.checked = true;
    });
  }
});
