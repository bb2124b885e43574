// Number, time and size formatting shared by every view.
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function count(value) {
  return value === undefined || value === null ? '–' : integer.format(value);
}

export function rate(value) {
  if (value === undefined || value === null) return '–';
  if (value >= 100) return integer.format(value);
  return value.toFixed(value >= 10 ? 1 : 2);
}

export function ms(value) {
  if (value === undefined || value === null) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(value >= 1 ? 1 : 3)} ms`;
}

export function seconds(value) {
  if (value === undefined || value === null) return '–';
  if (value < 1) return `${(value * 1000).toFixed(0)} ms`;
  if (value < 120) return `${value.toFixed(1)} s`;
  return duration(value);
}

export function duration(totalSeconds) {
  if (totalSeconds === undefined || totalSeconds === null) return '–';
  const s = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(s / 86400), hh = Math.floor(s % 86400 / 3600), mm = Math.floor(s % 3600 / 60);
  if (d > 0) return `${d}d ${hh}h`;
  if (hh > 0) return `${hh}h ${mm}m`;
  if (mm > 0) return `${mm}m ${s % 60}s`;
  return `${s}s`;
}

export function bytes(value) {
  if (value === undefined || value === null) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = value, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

export function percent(value, digits = 1) {
  return value === undefined || value === null ? '–' : `${(value * 100).toFixed(digits)} %`;
}

export function number(value, digits = 3) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(digits);
}

export function pValue(p) {
  if (p === undefined || p === null) return '–';
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

export function clock(ms) {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function shortId(id) {
  return id && id.length > 22 ? `${id.slice(0, 20)}…` : id;
}
