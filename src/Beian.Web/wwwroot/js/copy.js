// 【点击复制备案号】/【复制代码】: a <button data-copy-target="#id"> copies the text (or the value of an
// input/textarea) of the element #id and says "已复制" for a moment. Without JavaScript the buttons do
// nothing and the text stays selectable. Included by partials, possibly more than once: binds once.
(function () {
    "use strict";
    if (window.beianCopyBound) return;
    window.beianCopyBound = true;

    function textOf(target) {
        return "value" in target && typeof target.value === "string" ? target.value : target.textContent.trim();
    }

    // Older browsers and plain-http origins have no navigator.clipboard: select the text and copy it.
    function fallbackCopy(target, text) {
        var helper = null;
        if ("select" in target && typeof target.select === "function") {
            target.focus();
            target.select();
        } else {
            helper = document.createElement("textarea");
            helper.value = text;
            helper.setAttribute("readonly", "");
            helper.className = "copy-helper";
            document.body.appendChild(helper);
            helper.select();
        }
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        if (helper) helper.remove(); // a selected textarea stays selected, so Ctrl+C still works if this failed
        return ok;
    }

    function announce(button, message) {
        if (!button.dataset.copyLabel) button.dataset.copyLabel = button.textContent;
        button.textContent = message;
        clearTimeout(button.copyTimer);
        button.copyTimer = setTimeout(function () {
            button.textContent = button.dataset.copyLabel;
        }, 1800);
    }

    function copy(button) {
        var target = document.querySelector(button.dataset.copyTarget);
        if (!target) return;
        var text = textOf(target);
        var done = function () { announce(button, "已复制"); };
        var fail = function () {
            if (fallbackCopy(target, text)) done();
            else announce(button, "请按Ctrl+C复制");
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, fail);
        } else {
            fail();
        }
    }

    // A <button> fires "click" for Enter and Space as well, so keyboard users get the same behaviour.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-copy-target]");
        if (!button) return;
        event.preventDefault();
        copy(button);
    });
})();
