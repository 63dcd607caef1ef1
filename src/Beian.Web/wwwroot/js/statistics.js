// 统计分析: draws each <table data-chart> as a Chart.js chart in the box #<table id>-chart above it.
// The numbers are read from the table (data-value of its cells), which stays on the page for screen
// readers and browsers without JavaScript; the box is hidden until a chart is drawn in it.
// Series: the header cells with data-series-color (and data-series-stack for stacked bars). Razor
// writes data-* attributes even when their value is null, so an empty value counts as absent.
(function () {
    "use strict";
    if (!window.Chart) return;

    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = "#1f2d3d";
    Chart.defaults.animation = false;

    function json(element, name) {
        var value = element.getAttribute(name);
        return value ? JSON.parse(value) : null;
    }

    function has(element, name) {
        return !!element.getAttribute(name);
    }

    function cells(rows, column) {
        return rows.map(function (row) { return Number(row.cells[column].getAttribute("data-value") || 0); });
    }

    function datasets(table, rows) {
        var rowColors = json(table, "data-chart-row-colors");
        return Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) {
            return has(th, "data-series-color");
        }).map(function (th) {
            return {
                label: th.textContent.trim(),
                data: cells(rows, th.cellIndex),
                backgroundColor: rowColors || th.getAttribute("data-series-color"),
                stack: th.getAttribute("data-series-stack") || undefined,
                maxBarThickness: 48
            };
        });
    }

    function draw(table) {
        var box = document.getElementById(table.id + "-chart");
        if (!box) return;
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var labels = json(table, "data-chart-labels") || rows.map(function (row) { return row.cells[0].textContent.trim(); });
        var sets = datasets(table, rows);
        var horizontal = has(table, "data-chart-horizontal");
        var stacked = sets.some(function (set) { return set.stack; });
        var counts = { beginAtZero: true, stacked: stacked, ticks: { precision: 0 } };
        var categories = { stacked: stacked, grid: { display: false } };
        box.hidden = false;
        new Chart(box.querySelector("canvas"), {
            type: table.getAttribute("data-chart"),
            data: { labels: labels, datasets: sets },
            options: {
                indexAxis: horizontal ? "y" : "x",
                maintainAspectRatio: false,
                plugins: { legend: { display: sets.length > 1, position: "bottom" } },
                scales: horizontal ? { x: counts, y: categories } : { x: categories, y: counts }
            }
        });
        // The chart shows the table: a long one is folded under it, one click away (open without script).
        var details = table.closest("details.stat-details");
        if (details) details.open = false;
    }

    document.querySelectorAll("table[data-chart]").forEach(function (table) {
        if (has(table, "data-chart")) draw(table);
    });
})();
