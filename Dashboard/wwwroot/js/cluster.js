// The cluster overview: key figures, silos, partitions and this silo's history charts.
import { h, put, badge } from './dom.js';
import * as f from './format.js';
import { chartCard, legend, lineChart } from './charts.js';

function kpi(id, label, value, sub, bad) {
  return h('div', { class: `kpi${bad ? ' bad' : ''}`, id },
    h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), sub ? h('div', { class: 'sub' }, sub) : null);
}

function statusTone(status) {
  return status === 'active' || status === 'running' ? 'ok' : status === 'stopped' ? '' : 'warn';
}

const sum = (items, pick) => items.reduce((total, item) => total + (pick(item) ?? 0), 0);

export function renderOverview(cluster, latest) {
  put('cluster-name', `${cluster.cluster} · ${cluster.mode} · ${cluster.partitionCount} partitions`);
  const warning = document.getElementById('cluster-warning');
  warning.hidden = !cluster.warning;
  warning.textContent = cluster.warning || '';
  const silos = cluster.silos.filter(silo => silo.status !== 'stopped');
  const reachable = silos.filter(silo => silo.reachable);
  const partitions = cluster.partitions;
  const ages = partitions.map(p => p.checkpointAgeSeconds).filter(v => v !== undefined && v !== null);
  const lag = sum(partitions, p => p.lag);
  const activations = sum(partitions, p => p.activations);
  const owned = partitions.filter(p => p.ownerSiloId).length;
  put('kpis',
    kpi('kpi-silos', 'Silos', `${reachable.length} / ${silos.length}`, 'reachable / live'),
    kpi('kpi-partitions', 'Partitions owned', `${owned} / ${cluster.partitionCount}`),
    kpi('kpi-events', 'Events/s', f.rate(sum(reachable, s => s.eventsPerSecond)), latest ? `${f.count(latest.eventsTotal)} applied here` : null),
    kpi('kpi-decisions', 'Decisions/s', f.rate(sum(reachable, s => s.decisionsPerSecond)), latest ? `${f.count(latest.decisionsTotal)} answered here` : null),
    kpi('kpi-latency', 'Grain call p50 / p99', latest ? `${f.ms(latest.callP50Ms)} / ${f.ms(latest.callP99Ms)}` : '–', latest ? `${f.count(latest.grainCalls)} calls last interval` : null),
    kpi('kpi-checkpoint', 'Oldest checkpoint', ages.length ? f.seconds(Math.max(...ages)) : '–'),
    kpi('kpi-lag', 'Consumer lag', f.count(lag), 'records'),
    kpi('kpi-activations', 'Activations', f.count(activations)),
    kpi('kpi-dead-letters', 'Dead letters', latest ? f.count(latest.deadLetters) : '–', 'since start', latest?.deadLetters > 0),
    kpi('kpi-errors', 'Errors', latest ? f.count(latest.errors) : '–', 'failed checkpoints, 5xx', latest?.errors > 0));

  put(document.querySelector('#silo-table tbody'), cluster.silos.map(silo =>
    h('tr', { 'data-silo': silo.siloId },
      h('td', { title: silo.siloId }, f.shortId(silo.siloId), silo.isSelf ? h('span', { class: 'muted small' }, ' (this)') : null),
      h('td', {}, silo.address),
      h('td', {}, badge(silo.status, statusTone(silo.status)), ' ',
        silo.reachable ? (silo.ready ? badge('ready', 'ok') : badge(silo.notReadyReason || 'not ready', 'warn'))
          : silo.status === 'active' ? badge('unreachable', 'warn') : null),
      h('td', {}, f.duration(silo.uptimeSeconds)),
      h('td', { class: 'num' }, silo.cpuPercent === undefined ? '–' : `${silo.cpuPercent.toFixed(1)} %`),
      h('td', { class: 'num', title: 'working set (managed heap)' }, silo.workingSetBytes === undefined ? '–' : `${f.bytes(silo.workingSetBytes)} (${f.bytes(silo.heapBytes)})`),
      h('td', { class: 'num' }, f.rate(silo.eventsPerSecond)),
      h('td', { class: 'num' }, silo.reachable ? silo.partitions.length : '–'))));

  const owners = new Map(cluster.silos.map(silo => [silo.siloId, silo]));
  put(document.querySelector('#partition-table tbody'), partitions.map(p =>
    h('tr', { 'data-partition': p.partition },
      h('td', {}, p.partition),
      h('td', { title: p.ownerSiloId || '' }, p.ownerAddress || h('span', { class: 'muted' }, 'unassigned')),
      h('td', {}, p.status ? badge(p.status, statusTone(p.status)) : h('span', { class: 'muted' }, owners.get(p.ownerSiloId)?.reachable === false ? 'owner unreachable' : '–')),
      h('td', { class: 'num' }, f.count(p.lag)),
      h('td', { class: 'num' }, f.seconds(p.checkpointAgeSeconds)),
      h('td', { class: 'num' }, f.count(p.activations)),
      h('td', { class: 'num' }, p.epoch))));
}

function chartWidth() {
  const total = document.getElementById('charts').clientWidth || 800;
  const columns = Math.max(1, Math.floor((total + 13) / (22 * 15 + 13)));
  return (total - 13 * (columns - 1)) / columns - 34;
}

export function renderHistory(samples, windowSeconds, servedBy, address) {
  put('history-scope', `of ${address || f.shortId(servedBy)}, last ${f.duration(windowSeconds)}, one sample per interval`);
  const points = pick => samples.map(sample => [Date.parse(sample.at), pick(sample) ?? null]);
  const last = samples.length ? Date.parse(samples[samples.length - 1].at) : Date.now();
  const first = samples.length ? Date.parse(samples[0].at) : last - 60_000;
  const options = { width: chartWidth(), xRange: [Math.max(first, last - windowSeconds * 1000), last] };
  const card = (id, title, series, format, extra) =>
    chartCard(title, lineChart(series, { ...options, format, ...extra }), legend(series, format), id);
  const types = [...new Set(samples.flatMap(sample => Object.keys(sample.activations || {})))].sort();

  put('charts',
    card('chart-rates', 'Events and decisions per second', [
      { name: 'events/s', points: points(x => x.eventsPerSecond) },
      { name: 'decisions/s', points: points(x => x.decisionsPerSecond) }], f.rate),
    card('chart-latency', 'Grain call latency', [
      { name: 'p50', points: points(x => x.callP50Ms) },
      { name: 'p99', points: points(x => x.callP99Ms) }], f.ms),
    card('chart-lag', 'Consumer lag (records)', [{ name: 'lag', points: points(x => x.lag) }], f.count),
    card('chart-checkpoint', 'Oldest checkpoint age', [{ name: 'age', points: points(x => x.checkpointAgeSeconds) }], f.seconds),
    card('chart-activations', 'Activations per grain type',
      types.length ? types.map(type => ({ name: type, points: points(x => x.activations?.[type] ?? 0) })) : [{ name: 'activations', points: points(() => 0) }], f.count),
    card('chart-errors', 'Dead letters and errors (since start)', [
      { name: 'dead letters', points: points(x => x.deadLetters) },
      { name: 'errors', points: points(x => x.errors) }], f.count),
    card('chart-cpu', 'CPU (share of all cores)', [{ name: 'cpu', points: points(x => x.cpuPercent) }], v => `${v.toFixed(0)} %`),
    card('chart-memory', 'Memory', [
      { name: 'working set', points: points(x => x.workingSetBytes) },
      { name: 'managed heap', points: points(x => x.heapBytes) }], f.bytes));
}
