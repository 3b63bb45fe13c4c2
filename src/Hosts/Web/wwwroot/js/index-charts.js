// The empowerment index pages' charts (Index/_Charts.cshtml); a static file because the CSP allows no inline script.
(() => {
    // Progressive enhancement: the tables above hold the same numbers for readers without JavaScript.
    const data = JSON.parse(document.getElementById('index-charts')?.textContent || '{}');
    if (!window.echarts) return;
    const draw = (name, option) => {
        const el = document.querySelector(`[data-chart="${name}"]`);
        if (!el) return;
        const chart = echarts.init(el);
        chart.setOption(option);
        window.addEventListener('resize', () => chart.resize());
    };
    if (data.ranking && data.ranking.length) {
        const cities = data.ranking.map(r => r.city).reverse();
        const rows = [...data.ranking].reverse();
        draw('ranking', {
            grid: { left: 70, right: 20, top: 30, bottom: 30 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0, data: ['5–95%', '#'] },
            xAxis: { type: 'value', min: 0, max: data.ranking.length + 1, inverse: true, name: '#' },
            yAxis: { type: 'category', data: cities },
            series: [
                { type: 'bar', stack: 'interval', itemStyle: { color: 'transparent' }, data: rows.map(r => r.low - 0.5), tooltip: { show: false } },
                { name: '5–95%', type: 'bar', stack: 'interval', itemStyle: { color: '#9db7e0' }, data: rows.map(r => r.high - r.low + 1) },
                { name: '#', type: 'scatter', symbolSize: 10, itemStyle: { color: '#0b3d91' }, data: rows.map(r => r.rank) },
            ],
        });
    }
    if (data.trends && data.trends.length) {
        draw('trends', {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 60, right: 60, top: 40, bottom: 30 },
            // Years are numbers on a value axis, which ECharts prints with a thousands separator ("2,023").
            xAxis: { type: 'value', minInterval: 1, min: 'dataMin', max: 'dataMax', axisLabel: { formatter: v => String(v) }, axisPointer: { label: { formatter: p => String(p.value) } } },
            yAxis: data.trends.slice(0, 2).map((t, i) => ({ type: 'value', name: t.unit, position: i === 0 ? 'left' : 'right', scale: true })),
            series: data.trends.map((t, i) => ({ name: t.name, type: 'line', yAxisIndex: Math.min(i, 1), data: t.points })),
        });
    }
    if (data.scenarios && data.scenarios.length) {
        draw('scenarios', {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 20, top: 40, bottom: 80 },
            xAxis: { type: 'category', data: data.scenarios.map(s => s.label), axisLabel: { rotate: 30 } },
            yAxis: { type: 'value' },
            series: [
                { name: '#', type: 'bar', data: data.scenarios.map(s => s.count) },
                { name: '⊙', type: 'bar', data: data.scenarios.map(s => s.target) },
            ],
        });
    }
    if (data.pillars) {
        draw('pillars', {
            tooltip: {},
            radar: { indicator: data.pillars.map(p => ({ name: p.name, max: 100 })) },
            series: [{ type: 'radar', data: [{ value: data.pillars.map(p => p.score), name: data.city }] }],
        });
    }
    if (data.history && data.history.length) {
        draw('history', {
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: data.history.map(h => h.year) },
            yAxis: { type: 'value', inverse: true, min: 1, max: 21, name: '#' },
            series: [{ type: 'line', data: data.history.map(h => h.rank) }],
        });
    }
})();
