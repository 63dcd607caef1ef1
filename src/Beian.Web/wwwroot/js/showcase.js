// 备案展厅: the table of newly filed sites scrolls slowly by itself, as on the manual's home page.
// Without this file the whole table shows. It pauses while the pointer is over it or focus is in
// it, has a 暂停滚动/继续滚动 button, and never moves for people who ask for reduced motion.
(function () {
    "use strict";

    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    var STEP_MS = 60;     // one pixel every 60 ms: slow enough to read a row
    var REST_MS = 2500;   // pause at the top and at the bottom

    function setUp(region) {
        region.classList.add("is-scrolling");
        if (region.scrollHeight <= region.clientHeight + 2) {
            region.classList.remove("is-scrolling");
            return; // everything fits: nothing to scroll
        }
        region.tabIndex = 0; // a scrollable region can be reached and scrolled with the keyboard

        var hovered = false, focused = false, stopped = false, restUntil = Date.now() + REST_MS;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-sm btn-link showcase-toggle";
        region.insertAdjacentElement("afterend", button);

        function label() {
            var still = stopped || reduceMotion.matches;
            button.textContent = still ? "继续滚动" : "暂停滚动";
            button.hidden = reduceMotion.matches;
            button.setAttribute("aria-pressed", stopped ? "true" : "false");
        }
        label();
        button.addEventListener("click", function () { stopped = !stopped; label(); });
        if (reduceMotion.addEventListener) reduceMotion.addEventListener("change", label);

        region.addEventListener("mouseenter", function () { hovered = true; });
        region.addEventListener("mouseleave", function () { hovered = false; });
        region.addEventListener("focusin", function () { focused = true; });
        region.addEventListener("focusout", function () { focused = false; });

        window.setInterval(function () {
            if (stopped || hovered || focused || reduceMotion.matches || document.hidden) return;
            var now = Date.now();
            if (now < restUntil) return;
            if (region.scrollTop + region.clientHeight >= region.scrollHeight - 1) {
                region.scrollTop = 0;
                restUntil = now + REST_MS;
                return;
            }
            region.scrollTop += 1;
            if (region.scrollTop + region.clientHeight >= region.scrollHeight - 1) restUntil = now + REST_MS;
        }, STEP_MS);
    }

    document.querySelectorAll("[data-autoscroll]").forEach(setUp);
})();
