// 开办主体性质: the 主办单位 sections only matter for 单位. Without JavaScript they stay visible
// (and the server ignores them for 个人).
(() => {
  const nature = document.querySelector("[data-subject-nature]");
  if (!nature) return;
  const sync = () => {
    const individual = nature.value === "Individual";
    document.querySelectorAll("[data-organisation-only]").forEach((el) => { el.hidden = individual; });
  };
  nature.addEventListener("change", sync);
  sync();
})();
