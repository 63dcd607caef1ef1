// 【查询网络接入服务商】/【查询域名注册服务商】: search /api/providers and fill the name on 【选择】.
// Without JavaScript the name is simply typed by hand.
document.addEventListener("click", async (event) => {
  const search = event.target.closest("[data-provider-search]");
  const pick = event.target.closest("[data-provider-pick]");
  if (search) {
    const box = search.closest(".provider-choice");
    const params = new URLSearchParams({ kind: box.dataset.providerKind });
    const scope = box.querySelector("[data-provider-scope]").value;
    const region = box.querySelector("[data-provider-region]").value;
    const name = box.querySelector("[data-provider-name]").value.trim();
    if (scope) params.set("scope", scope);
    if (region && scope !== "境外") params.set("region", region);
    if (name) params.set("name", name);
    const results = box.querySelector("[data-provider-results]");
    results.textContent = "查询中…";
    const response = await fetch(`/api/providers?${params}`);
    const providers = response.ok ? await response.json() : [];
    results.replaceChildren();
    if (providers.length === 0) {
      results.textContent = "未查询到服务商，请直接填写全称。";
      return;
    }
    const list = document.createElement("ul");
    list.className = "list-unstyled small mb-0";
    for (const provider of providers.slice(0, 20)) {
      const item = document.createElement("li");
      item.textContent = `${provider.name}（${provider.regionName ?? provider.region}） `;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-link btn-sm p-0";
      button.textContent = "选择";
      button.dataset.providerPick = provider.id;
      button.dataset.providerPickName = provider.name;
      item.append(button);
      list.append(item);
    }
    results.append(list);
  } else if (pick) {
    const box = pick.closest(".provider-choice");
    box.querySelector("[data-provider-name]").value = pick.dataset.providerPickName;
    box.querySelector("[data-provider-id]").value = pick.dataset.providerPick;
    box.querySelector("[data-provider-results]").replaceChildren();
  }
});
