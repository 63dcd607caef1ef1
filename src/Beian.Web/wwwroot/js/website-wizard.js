// Step ④: 【提交】 stays disabled until the 责任告知书 consent is ticked (the server checks it too).
(() => {
  const consent = document.querySelector("[data-consent]");
  const submit = document.querySelector("[data-requires-consent]");
  if (!consent || !submit) return;
  const sync = () => { submit.disabled = !consent.checked; };
  consent.addEventListener("change", sync);
  sync();
})();
