// The experiments list and one experiment's results: arms, posteriors, traffic over time and SRM.
import { h, put, badge } from './dom.js';
import * as f from './format.js';
import { chartCard, intervalChart, legend, lineChart, splitBar } from './charts.js';

export function renderExperimentList(experiments, selected, onSelect) {
  document.getElementById('experiments-empty').hidden = experiments.length > 0;
  put(document.querySelector('#experiment-table tbody'), experiments.map(e =>
    h('tr', { 'data-experiment': e.id, class: e.id === selected ? 'selected' : null, onclick: () => onSelect(e.id) },
      h('td', {}, h('a', { href: '#experiments' }, e.id)),
      h('td', {}, e.type),
      h('td', {}, badge(e.status, e.status === 'running' ? 'ok' : '')),
      h('td', { class: 'num exposures' }, f.count(e.exposures)),
      h('td', { class: 'num conversions' }, f.count(e.conversions)),
      h('td', {}, splitBar(e.variants.map(v => v.exposures), e.variants.map(v => v.name))))));
}

function srmBadge(results) {
  if (!results.srm) return badge(results.type === 'bandit' ? 'SRM n/a: bandit split moves by design' : 'SRM: no data', '');
  const srm = results.srm;
  const text = `χ² ${srm.chiSquare.toFixed(2)}, df ${srm.degreesOfFreedom}, p ${f.pValue(srm.pValue)}`;
  return h('span', { class: 'srm', 'data-srm': srm.mismatch ? 'mismatch' : 'ok' },
    badge(srm.mismatch ? 'sample ratio mismatch' : 'no sample ratio mismatch', srm.mismatch ? 'bad' : 'ok'), ' ', h('span', { class: 'muted small' }, text));
}

/** Renders one experiment's detail (from /api/experiments/{id}) into container. */
export function renderExperimentDetail(container, detail, width) {
  const results = detail.results;
  const definition = detail.definition || {};
  const binary = results.rewardKind !== 'continuous';
  const meanFormat = binary ? (v => f.percent(v, 2)) : (v => f.number(v, 2));
  const weights = new Map((definition.variants || []).map(v => [v.name, v.weight]));

  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data variants' },
    h('thead', {}, h('tr', {}, ['Variant', 'Exposures', 'Conversions', 'Rate', 'Posterior mean', '95 % interval', 'P(best)', 'Traffic', 'Weight']
      .map((title, i) => h('th', { class: i > 0 ? 'num' : null }, title)))),
    h('tbody', {}, results.variants.map(v =>
      h('tr', { 'data-variant': v.name },
        h('td', {}, v.name),
        h('td', { class: 'num exposures' }, f.count(v.exposures)),
        h('td', { class: 'num conversions' }, f.count(v.conversions)),
        h('td', { class: 'num' }, f.percent(v.conversionRate, 2)),
        h('td', { class: 'num mean' }, meanFormat(v.posterior.mean)),
        h('td', { class: 'num' }, `${meanFormat(v.posterior.lower)} – ${meanFormat(v.posterior.upper)}`),
        h('td', { class: 'num pbest' }, f.percent(v.probabilityBest, 1)),
        h('td', { class: 'num share' }, f.percent(v.trafficShare, 1)),
        h('td', { class: 'num' }, weights.get(v.name) === undefined ? '–' : f.percent(weights.get(v.name), 0)))))));

  const chartW = Math.min(width, 640);
  const posterior = chartCard('Posterior means with 95 % intervals',
    intervalChart(results.variants.map(v => ({ name: v.name, mean: v.posterior.mean, lower: v.posterior.lower, upper: v.posterior.upper })), { width: chartW, format: meanFormat }),
    null, 'chart-posterior');
  const traffic = detail.traffic || [];
  const series = results.variants.map((v, i) => ({ name: v.name, points: traffic.map(p => [Date.parse(p.at), p.share[i] ?? null]) }));
  const times = traffic.map(p => Date.parse(p.at));
  const now = Date.parse(results.asOf) || Date.now();
  const share = chartCard('Traffic share over time (new exposures per interval)',
    lineChart(series, { width: chartW, format: v => f.percent(v, 0), yMax: 1, xRange: [times.length ? Math.min(...times) : now - 60_000, Math.max(now, ...times)] }),
    legend(series, v => f.percent(v, 0)), 'chart-traffic');

  put(container,
    h('div', { class: 'detail-head' },
      h('h3', {}, results.experimentId),
      badge(results.type), badge(results.status, results.status === 'running' ? 'ok' : ''),
      h('span', { class: 'muted small' }, `version ${results.version} · reward “${definition.rewardEventType || '?'}” (${results.rewardKind}) · as of ${new Date(results.asOf).toLocaleTimeString()}`),
      srmBadge(results)),
    table,
    h('div', { class: 'detail-grid' }, posterior, share));
  container.dataset.experiment = results.experimentId;
}
