// Step ④: 【提交】 stays disabled until the 责任告知书 consent is ticked (the server checks it too).
(() => {
  const consent = document.querySelector("[data-consent]");
  const submit = document.querySelector("[data-requires-consent]");
  if (!consent || !submit) return;
  const sync = () => { submit.disabled = !consent.checked; };
  consent.addEventListener("change", sync);
  sync();
})();

// Step ②: the 危险物品 / 前置许可 kinds appear once 是 is chosen, and each kind's upload once the
// kind is ticked. Without JavaScript everything stays visible.
(() => {
  const sections = document.querySelectorAll("[data-shown-when-yes]");
  const syncSection = (section) => {
    const yes = document.querySelector(`input[type=radio][name="${section.dataset.shownWhenYes}"][value=true]`);
    section.hidden = !(yes && yes.checked);
  };
  const syncKind = (kind) => {
    const box = kind.querySelector("input[type=checkbox]");
    const upload = kind.querySelector(".upload-field");
    if (box && upload) upload.hidden = !box.checked;
  };
  sections.forEach(syncSection);
  document.querySelectorAll(".kind-with-file").forEach(syncKind);
  document.addEventListener("change", (event) => {
    if (event.target.type === "radio") sections.forEach(syncSection);
    const kind = event.target.closest(".kind-with-file");
    if (kind) syncKind(kind);
  });
})();
