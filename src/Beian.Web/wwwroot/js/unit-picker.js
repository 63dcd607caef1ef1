// 所属单位: the 省级 → 地市级 → 区县级 selects of the _UnitPicker partial (民警账号管理).
// Progressive enhancement: without this file the server renders the lists and 【查询】 or
// 【更新下级选项】 refreshes them. Unit codes are region codes, so the lists come from /api/regions.
(function () {
    "use strict";

    var MINISTRY = "000000";

    function option(value, text) {
        var o = document.createElement("option");
        o.value = value;
        o.textContent = text;
        return o;
    }

    function clearError(select) {
        var slot = select.closest("[data-unit-picker]").querySelector('[data-valmsg-for="' + select.name + '"]');
        select.classList.remove("input-validation-error");
        select.removeAttribute("aria-invalid");
        if (slot) {
            slot.textContent = "";
            slot.className = "field-validation-valid";
        }
    }

    function setup(fieldset) {
        var api = fieldset.getAttribute("data-unit-api") || "/api/regions";
        var province = fieldset.querySelector('[data-unit-level="province"]');
        var city = fieldset.querySelector('[data-unit-level="city"]');
        var county = fieldset.querySelector('[data-unit-level="county"]');
        var chosen = fieldset.querySelector("[data-unit-chosen]");
        if (!province || !city || !county) return;

        function reset(select, text) {
            select.replaceChildren(option("", text));
            select.removeAttribute("aria-busy");
            select.removeAttribute("data-ticket"); // a pending load for the old choice is dropped
            clearError(select);
        }

        // Fills `select` with the units below `code`; a later choice wins over a slower earlier one.
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
                    var first = items.length === 0 ? select.getAttribute("data-none") : select.getAttribute("data-self");
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

        // The server's "所选单位" line names the unit; after a change in the browser it shows the path.
        function describe() {
            if (!chosen) return;
            var names = [province, city, county]
                .filter(function (select) { return select.value; })
                .map(function (select) { return select.options[select.selectedIndex].textContent; });
            chosen.textContent = names.length ? "所选单位：" + names.join(" › ") : "";
        }

        province.addEventListener("change", function () {
            clearError(province);
            var waiting = city.getAttribute("data-waiting");
            var ministry = province.value === MINISTRY;
            reset(city, ministry ? "（公安部本级）" : province.value ? city.getAttribute("data-self") : waiting);
            reset(county, ministry ? "（公安部本级）" : waiting);
            if (province.value && !ministry) load(province.value, city);
            describe();
        });

        city.addEventListener("change", function () {
            clearError(city);
            reset(county, city.value ? county.getAttribute("data-self") : county.getAttribute("data-waiting"));
            if (city.value) load(city.value, county);
            describe();
        });

        county.addEventListener("change", function () { clearError(county); describe(); });
    }

    document.querySelectorAll("[data-unit-picker]").forEach(setup);
})();
