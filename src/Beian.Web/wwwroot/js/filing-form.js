// Step ④: 【提交】 stays disabled until the 责任告知书 consent is ticked (the server checks it too).
(() => {
  const consent = document.querySelector("[data-consent]");
  const submit = document.querySelector("[data-requires-consent]");
  if (!consent || !submit) return;
  const sync = () => { submit.disabled = !consent.checked; };
  consent.addEventListener("change", sync);
  sync();
})();

// Step ②: the 危险物品 kinds and 前置许可 list only after 是, and each proof upload only once its
// kind is ticked, so an applicant answering 否 is not faced with a dozen file fields. Anything
// already ticked, uploaded or marked in error stays visible.
(() => {
  const keep = (el) => el.querySelector("input[type=checkbox]:checked, .upload-file-name, .field-validation-error:not(:empty)") !== null;
  document.querySelectorAll("[data-when-yes]").forEach((list) => {
    const radios = document.querySelectorAll(`input[type=radio][name="${list.dataset.whenYes}"]`);
    const sync = () => {
      const yes = [...radios].some((radio) => radio.checked && radio.value === "true");
      list.hidden = !yes && !keep(list);
      list.querySelectorAll(".kind-with-file").forEach((row) => {
        const file = row.querySelector(".kind-file");
        if (file) file.hidden = !keep(row);
      });
    };
    list.addEventListener("change", sync);
    radios.forEach((radio) => radio.addEventListener("change", sync));
    sync();
  });
})();

// Step ③: the optional 舆情引导员 fields show once 填写舆情引导员 is ticked (or hold something).
(() => {
  document.querySelectorAll("[data-shown-by]").forEach((block) => {
    const box = document.getElementById(block.dataset.shownBy);
    if (!box) return;
    const filled = () => [...block.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=file]), select")].some((field) => field.value)
      || block.querySelector(".upload-file-name, .field-validation-error:not(:empty)") !== null;
    const sync = () => { block.hidden = !box.checked && !filled(); };
    box.addEventListener("change", sync);
    sync();
  });
})();

// Step ②: what belongs to some choices of a select (a 小程序's 平台名称 for 其他, the AppID help of the
// chosen platform) shows for those choices only; a field holding a value or an error stays visible.
(() => {
  document.querySelectorAll("[data-when-select]").forEach((block) => {
    const select = document.getElementById(block.dataset.whenSelect);
    if (!select) return;
    const values = block.dataset.values.split(" ");
    const held = () => [...block.querySelectorAll("input")].some((field) => field.value)
      || block.querySelector(".field-validation-error:not(:empty)") !== null;
    const sync = () => { block.hidden = !values.includes(select.value) && !held(); };
    select.addEventListener("change", sync);
    sync();
  });
})();
