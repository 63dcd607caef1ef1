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

// Step ③: 同主体负责人信息 fills the person in place from the subject's 负责人 (#subject-principal); the
// server fills a ticked person the same way when the step is posted, so the box works without JavaScript.
// Typing into a filled person unticks the box, so the server does not fill the typed values over.
(() => {
  const data = document.getElementById("subject-principal");
  if (!data) return;
  const principal = JSON.parse(data.textContent);
  const setFile = (slot, file) => {
    const field = document.querySelector(`[data-upload-field="${slot}"]`);
    if (!field || !file) return;
    field.querySelector("input[type=file]").value = "";
    field.querySelector(`input[type=hidden][name="${slot}.FileId"]`).value = file.id;
    let current = field.querySelector(".upload-current");
    if (!current) {
      current = document.createElement("div");
      current.className = "upload-current small mt-1";
      field.querySelector(`input[type=hidden][name="${slot}.FileId"]`).after(current);
    }
    current.textContent = "已上传：";
    const name = document.createElement("span");
    name.className = "upload-file-name";
    name.textContent = file.name || "主体负责人证件";
    const link = document.createElement("a");
    link.href = file.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.className = "upload-preview";
    link.textContent = "预览/下载";
    current.append(name, " ", link);
  };
  document.querySelectorAll("[data-same-as-subject]").forEach((box) => {
    const person = box.dataset.sameAsSubject;
    const block = document.getElementById(`person-${person}`);
    const named = (field) => block.querySelector(`[name="People.${person}.${field}"]:not([type=hidden])`);
    let filling = false;
    const fill = () => {
      filling = true;
      named("Name").value = principal.name ?? "";
      named("CertificateType").value = principal.certificateType ?? "";
      named("CertificateNumber").value = principal.certificateNumber ?? "";
      named("CertificateValidUntil").value = principal.certificateValidUntil ?? "";
      named("CertificateLongTerm").checked = principal.certificateLongTerm;
      named("Mobile").value = principal.mobile ?? "";
      named("Email").value = principal.email ?? "";
      setFile(`Uploads[${person}-IdFront]`, principal.idFront);
      setFile(`Uploads[${person}-IdBack]`, principal.idBack);
      const shownBy = block.querySelector("[data-shown-by]");
      const opener = shownBy && document.getElementById(shownBy.dataset.shownBy);
      if (opener && !opener.checked) {
        opener.checked = true;
        opener.dispatchEvent(new Event("change", { bubbles: true }));
      }
      filling = false;
    };
    box.addEventListener("change", () => { if (box.checked) fill(); });
    const untick = (event) => { if (!filling && event.target !== box) box.checked = false; };
    block.addEventListener("input", untick);
    block.addEventListener("change", untick);
  });
})();
