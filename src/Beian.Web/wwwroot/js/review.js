// 审核申请: small conveniences for the reviewer. Without this file every form still works.
(function () {
    "use strict";

    var rows = document.getElementById("reason-rows");
    var addButton = document.getElementById("add-reason");
    var maxReasons = 20;

    function emptyRow() {
        var all = rows ? rows.querySelectorAll(".reason-row") : [];
        for (var i = 0; i < all.length; i++) {
            var message = all[i].querySelector("input");
            if (!message.value.trim()) return all[i];
        }
        return addRow();
    }

    // A new reason row is a copy of the first with its index renumbered and its values cleared.
    function addRow() {
        var all = rows.querySelectorAll(".reason-row");
        if (all.length >= maxReasons) return null;
        var index = all.length;
        var copy = all[0].cloneNode(true);
        copy.querySelectorAll("[id],[name],[for],[data-valmsg-for]").forEach(function (element) {
            ["id", "name", "for", "data-valmsg-for"].forEach(function (attribute) {
                var value = element.getAttribute(attribute);
                if (value) element.setAttribute(attribute, value.replace(/Reasons(\[|_)0(\]|__)/, "Reasons$1" + index + "$2"));
            });
        });
        copy.querySelectorAll(".field-validation-error").forEach(function (span) { span.textContent = ""; });
        copy.querySelector("input").value = "";
        copy.querySelector("select").value = "";
        rows.appendChild(copy);
        return copy;
    }

    if (rows && addButton) {
        addButton.classList.remove("d-none");
        addButton.addEventListener("click", function () {
            var row = addRow();
            if (row) row.querySelector("select").focus();
        });
        // 退回此项 beside a section: without this file it only leads to the 退回 form; here it also
        // fills an empty reason row with the section's first field (the reviewer may pick another).
        document.querySelectorAll(".return-section").forEach(function (link) {
            link.addEventListener("click", function (event) {
                var row = emptyRow();
                if (!row) return;
                event.preventDefault();
                row.querySelector("select").value = link.dataset.field;
                row.scrollIntoView({ block: "center" });
                row.querySelector("input").focus();
            });
        });
    }

    // 【要求面审】 / 【要求实地检查】 open the same form with the matching kind chosen.
    document.querySelectorAll("a[href='#inspection-form']").forEach(function (link) {
        link.addEventListener("click", function () {
            var kind = link.textContent.indexOf("实地") >= 0 ? "OnSite" : "Interview";
            var radio = document.getElementById("kind-" + kind);
            if (radio) radio.checked = true;
        });
    });
})();
