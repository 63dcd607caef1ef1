// Cascading 省份 → 城市 → 区县 selects of the _AddressFields partial. Progressive enhancement:
// without this file the server renders the lists and 【更新下级选项】 refreshes them.
(function () {
    "use strict";

    function option(value, text) {
        var o = document.createElement("option");
        o.value = value;
        o.textContent = text;
        return o;
    }

    // Empties a select down to its single first option with the given text.
    function reset(select, text) {
        if (!select) return;
        select.replaceChildren(option("", text));
        select.removeAttribute("aria-busy");
        select.removeAttribute("data-ticket"); // a pending load for the old choice is dropped
        clearError(select);
    }

    function clearError(select) {
        var slot = select.closest("[data-address]").querySelector('[data-valmsg-for="' + select.name + '"]');
        select.classList.remove("input-validation-error");
        select.removeAttribute("aria-invalid");
        if (slot) {
            slot.textContent = "";
            slot.className = "field-validation-valid";
        }
    }

    function setup(fieldset) {
        var api = fieldset.getAttribute("data-address-api") || "/api/regions";
        var province = fieldset.querySelector('[data-address-level="province"]');
        var city = fieldset.querySelector('[data-address-level="city"]');
        var county = fieldset.querySelector('[data-address-level="county"]');
        if (!province || !city || !county) return;

        // Fills `select` with the children of `code`; a later choice wins over a slower earlier one.
        function load(code, select) {
            var ticket = String(Date.now()) + Math.random();
            select.setAttribute("data-ticket", ticket);
            select.replaceChildren(option("", "正在加载…"));
            select.setAttribute("aria-busy", "true");
            fetch(api + "/" + encodeURIComponent(code) + "/children", { headers: { Accept: "application/json" } })
                .then(function (response) {
                    if (!response.ok) throw new Error("HTTP " + response.status);
                    return response.json();
                })
                .then(function (items) {
                    if (select.getAttribute("data-ticket") !== ticket) return;
                    var first = items.length === 0
                        ? (select.getAttribute("data-none") || select.getAttribute("data-placeholder"))
                        : select.getAttribute("data-placeholder");
                    var options = [option("", first)];
                    items.forEach(function (item) { options.push(option(item.code, item.name)); });
                    select.replaceChildren.apply(select, options);
                    select.removeAttribute("aria-busy");
                })
                .catch(function () {
                    if (select.getAttribute("data-ticket") !== ticket) return;
                    select.replaceChildren(option("", "加载失败，请重新选择上一级"));
                    select.removeAttribute("aria-busy");
                });
        }

        province.addEventListener("change", function () {
            clearError(province);
            reset(city, province.value ? city.getAttribute("data-placeholder") : city.getAttribute("data-waiting"));
            reset(county, county.getAttribute("data-waiting"));
            if (province.value) load(province.value, city);
        });

        city.addEventListener("change", function () {
            clearError(city);
            reset(county, city.value ? county.getAttribute("data-placeholder") : county.getAttribute("data-waiting"));
            if (city.value) load(city.value, county);
        });

        county.addEventListener("change", function () { clearError(county); });
    }

    document.querySelectorAll("[data-address]").forEach(setup);
})();
