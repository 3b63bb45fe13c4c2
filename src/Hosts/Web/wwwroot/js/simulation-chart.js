// The simulation report's chart (Compute/Simulations.cshtml); a static file because the CSP allows no inline script.
(() => {
    // Progressive enhancement: the table holds the same figures for readers without JavaScript.
    const source = document.getElementById('simulation-chart');
    const el = document.querySelector('[data-chart="simulation"]');
    if (!source || !el || !window.echarts) return;
    const data = JSON.parse(source.textContent);
    const chart = echarts.init(el);
    chart.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 60, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: data.policies },
        yAxis: { type: 'log', name: 'h', logBase: 10 },
        series: data.series.map(s => ({ name: s.name, type: 'bar', data: s.data.map(v => Math.max(v, 0.01)) })),
    });
    window.addEventListener('resize', () => chart.resize());
})();
// Unallocated GPUs against arrived workload, one chart per trace (the node-level experiment).
(() => {
    const source = document.getElementById('fragmentation-chart');
    if (!source || !window.echarts) return;
    const data = JSON.parse(source.textContent);
    for (const el of document.querySelectorAll('[data-chart="fragmentation"]')) {
        const trace = data.traces.find(t => t.trace === el.dataset.trace);
        if (!trace) continue;
        const chart = echarts.init(el);
        chart.setOption({
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 60, right: 20, top: 40, bottom: 50 },
            xAxis: { type: 'category', data: data.arrived, name: data.xName, nameLocation: 'middle', nameGap: 30 },
            yAxis: { type: 'value', name: data.yName },
            series: trace.series.map(s => ({ name: s.name, type: 'line', showSymbol: false, data: s.data })),
        });
        window.addEventListener('resize', () => chart.resize());
    }
})();
