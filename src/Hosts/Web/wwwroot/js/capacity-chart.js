// The capacity plan's chart (Compute/Planning.cshtml); a static file because the CSP allows no inline script.
// Progressive enhancement: the table below it holds the same figures for readers without JavaScript.
(() => {
    const source = document.getElementById('capacity-plan-chart');
    const el = document.querySelector('[data-chart="capacity-plan"]');
    if (!source || !el || !window.echarts) return;
    const data = JSON.parse(source.textContent);
    const chart = echarts.init(el);
    chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 70, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', name: data.yName },
        series: [
            ...data.shortfalls.map(s => ({ name: s.name, type: 'bar', stack: 'shortfall', data: s.data })),
            { name: data.demand.name, type: 'line', data: data.demand.data },
            { name: data.capacity.name, type: 'line', step: 'middle', lineStyle: { type: 'dashed' }, data: data.capacity.data },
        ],
    });
    window.addEventListener('resize', () => chart.resize());
})();
