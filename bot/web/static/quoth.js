// Progressive enhancement only: the Cite box's Copy button. Without this file the citation is in a readonly
// textarea to select by hand; nothing else depends on it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll(".action-copy")) {
    const text = button.closest(".cite")?.querySelector(".cite-text");
    if (!text) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(text.value);
        button.textContent = "Copied";
      } catch {
        text.select();  // the clipboard was refused: leave the words selected for Ctrl+C
        button.textContent = "Select and copy";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 2000);
    });
  }
});
