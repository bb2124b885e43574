// Small SVG charts: time series, credible intervals and split bars. Colours come from the
// stylesheet's s0…s7 classes, so the page needs no inline style.
import { h, s } from './dom.js';

const HEIGHT = 170;
const MARGIN = { left: 52, right: 12, top: 10, bottom: 22 };

function niceStep(span, ticks) {
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

function timeLabel(ms, spanMs) {
  const d = new Date(ms);
  const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return spanMs < 10 * 60_000 ? `${hhmm}:${String(d.getSeconds()).padStart(2, '0')}` : hhmm;
}

/** A card with a title, a chart and an optional legend. */
export function chartCard(title, chart, legend, id) {
  return h('div', { class: 'card chart', id }, h('h3', {}, title), chart, legend);
}

/** A legend naming each series, with its latest value. */
export function legend(series, format) {
  return h('div', { class: 'legend' }, series.map((item, i) => {
    const last = [...item.points].reverse().find(p => p[1] !== null && p[1] !== undefined);
    return h('span', {}, h('span', { class: `swatch s${i % 8}` }), `${item.name}: ${last ? format(last[1]) : '–'}`);
  }));
}

/**
 * Lines over time. series: [{ name, points: [[timeMs, value|null], …] }]; a null value breaks
 * the line. xRange: [fromMs, toMs]; yMax fixes the scale (shares), else it fits the data.
 */
export function lineChart(series, { width, format, xRange, yMax }) {
  const w = Math.max(240, Math.round(width || 480));
  const svg = s('svg', { viewBox: `0 0 ${w} ${HEIGHT}`, role: 'img' });
  const plotW = w - MARGIN.left - MARGIN.right, plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = series.flatMap(item => item.points.map(p => p[1])).filter(v => v !== null && v !== undefined);
  if (values.length === 0) {
    svg.append(s('text', { x: w / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'empty' }, 'no data yet'));
    return svg;
  }
  const top = yMax ?? Math.max(...values);
  // Counts get whole-number ticks: a flat zero line should not be labelled 0, 0, 1, 1.
  const whole = yMax === undefined && values.every(Number.isInteger);
  const step = whole ? Math.max(1, niceStep(top > 0 ? top : 1, 4)) : niceStep(top > 0 ? top : 1, 4);
  const max = Math.max(step, Math.ceil((top > 0 ? top : 1) / step) * step);
  const [x0, x1] = xRange[1] > xRange[0] ? xRange : [xRange[1] - 60_000, xRange[1]];
  const x = t => MARGIN.left + (t - x0) / (x1 - x0) * plotW;
  const y = v => MARGIN.top + plotH - v / max * plotH;

  for (let v = 0; v <= max + step / 2; v += step) {
    svg.append(s('line', { class: 'grid', x1: MARGIN.left, x2: w - MARGIN.right, y1: y(v), y2: y(v) }));
    svg.append(s('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, format(v)));
  }
  const ticks = Math.max(2, Math.min(5, Math.floor(plotW / 90)));
  for (let i = 0; i <= ticks; i++) {
    const t = x0 + (x1 - x0) * i / ticks;
    const anchor = i === 0 ? 'start' : i === ticks ? 'end' : 'middle';
    svg.append(s('text', { x: x(t), y: HEIGHT - 6, 'text-anchor': anchor }, timeLabel(t, x1 - x0)));
  }
  svg.append(s('line', { class: 'axis', x1: MARGIN.left, x2: w - MARGIN.right, y1: y(0), y2: y(0) }));

  series.forEach((item, i) => {
    let d = '', pen = 'M';
    for (const [t, v] of item.points) {
      if (v === null || v === undefined || t < x0) { pen = 'M'; continue; }
      d += `${pen}${x(t).toFixed(1)},${y(Math.min(v, max)).toFixed(1)} `;
      pen = 'L';
    }
    if (d) svg.append(s('path', { class: `series s${i % 8}`, d }));
    // A lone point draws no line; mark it so a first sample is visible.
    if (item.points.length === 1 && item.points[0][1] !== null) {
      svg.append(s('circle', { class: `s${i % 8}`, cx: x(item.points[0][0]), cy: y(item.points[0][1]), r: 3 }));
    }
  });
  return svg;
}

/** Posterior means with their 95 % intervals, one row per variant. rows: [{ name, mean, lower, upper }]. */
export function intervalChart(rows, { width, format }) {
  const w = Math.max(240, Math.round(width || 480));
  const rowH = 30, left = 110, right = 16, axisH = 24;
  const height = rows.length * rowH + axisH + 6;
  const svg = s('svg', { viewBox: `0 0 ${w} ${height}`, role: 'img', 'aria-label': 'posterior means with 95 % intervals' });
  let lo = Math.min(...rows.map(r => r.lower)), hi = Math.max(...rows.map(r => r.upper));
  if (!(hi > lo)) { lo = Math.max(0, lo - 0.05); hi = lo + 0.1; }
  const pad = (hi - lo) * 0.08;
  lo = Math.max(lo - pad, Math.min(0, lo)); hi += pad;
  const x = v => left + (v - lo) / (hi - lo) * (w - left - right);
  const step = niceStep(hi - lo, 4);
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    svg.append(s('line', { class: 'grid', x1: x(v), x2: x(v), y1: 4, y2: height - axisH }));
    svg.append(s('text', { x: x(v), y: height - 8, 'text-anchor': 'middle' }, format(v)));
  }
  rows.forEach((row, i) => {
    const cy = 4 + i * rowH + rowH / 2;
    svg.append(s('text', { x: left - 8, y: cy + 4, 'text-anchor': 'end' }, row.name));
    svg.append(s('line', { class: `interval s${i % 8}`, x1: x(row.lower), x2: x(row.upper), y1: cy, y2: cy },
      s('title', {}, `${row.name}: ${format(row.mean)} [${format(row.lower)}, ${format(row.upper)}]`)));
    svg.append(s('circle', { class: `s${i % 8}`, cx: x(row.mean), cy, r: 5 }));
  });
  return svg;
}

/** A thin bar split by share, for a row of the experiments table. */
export function splitBar(shares, names) {
  const w = 140, hgt = 12;
  const svg = s('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img' });
  const total = shares.reduce((a, b) => a + b, 0);
  if (total <= 0) {
    svg.append(s('rect', { x: 0, y: 0, width: w, height: hgt, rx: 3, class: 's7' }));
    return svg;
  }
  let at = 0;
  shares.forEach((share, i) => {
    const width = share / total * w;
    svg.append(s('rect', { x: at, y: 0, width: Math.max(0, width - 1), height: hgt, class: `s${i % 8}` },
      s('title', {}, `${names[i]}: ${(share / total * 100).toFixed(1)} %`)));
    at += width;
  });
  return svg;
}
