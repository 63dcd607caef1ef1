// Small progressive enhancements. Every page works without this file.
(function () {
    "use strict";

    // The left menu is open by default; on a phone or narrow window fold it so the page's
    // content comes first. The user can unfold it with its heading.
    var narrow = window.matchMedia("(max-width: 991.98px)");
    function fitSideMenus() {
        document.querySelectorAll("details.side-menu-fold").forEach(function (d) {
            d.open = !narrow.matches;
        });
    }
    fitSideMenus();
    if (narrow.addEventListener) {
        narrow.addEventListener("change", fitSideMenus);
    }
})();

// Buttons that cannot be undone (删除草稿, 撤销申请) ask first; without JavaScript they just act.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const message = button && button.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// 【上传】 (FilePickerTagHelper): the chosen file's name beside the button, 未选择文件 when none.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.classList.contains("file-picker-input")) return;
  const name = document.getElementById(input.getAttribute("aria-describedby"));
  if (name) name.textContent = input.files && input.files.length ? Array.from(input.files, (f) => f.name).join("、") : "未选择文件";
});

// 最新通知 on the applicant's home: 【关闭】 puts it away until the next visit.
document.querySelectorAll(".newest-message-close").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => { button.closest(".newest-message").hidden = true; });
});
