// 【换一张】: fetch a new captcha without reloading the form (the page works without this too).
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-captcha-refresh]");
  if (!button) return;
  const row = button.closest(".captcha-row");
  const response = await fetch("/captcha/new", { method: "POST" });
  if (!response.ok) return;
  const { id, image } = await response.json();
  row.querySelector("[data-captcha-id]").value = id;
  row.querySelector("[data-captcha-image]").src = image;
  const input = row.querySelector(".captcha-input");
  input.value = "";
  input.focus();
});
