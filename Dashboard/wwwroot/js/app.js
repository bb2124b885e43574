// Entry point: asks for access (and a key if needed), then polls the data once per sample
// interval and re-renders every view, without reloading the page.
import * as api from './api.js';
import { renderOverview, renderHistory } from './cluster.js';
import { renderExperimentList, renderExperimentDetail } from './experiments.js';
import { renderUser, renderError } from './grains.js';

const state = { samples: [], lastSequence: 0, windowSeconds: 3600, intervalSeconds: 2, selected: null, user: null, experiment: null, timer: null };
const $ = id => document.getElementById(id);

function setLive(text, ok) {
  const live = $('live');
  live.textContent = text;
  live.className = `live ${ok ? 'ok' : 'stale'}`;
}

function showAuth(reason) {
  $('main').hidden = true;
  $('auth').hidden = false;
  $('auth-reason').textContent = reason || '';
  $('auth-key').focus();
  setLive('waiting for a key', false);
}

async function authorize() {
  clearTimeout(state.timer);
  let access;
  try {
    access = await api.access();
  } catch (error) {
    setLive(`cannot reach the silo (${error.message}); retrying`, false);
    state.timer = setTimeout(authorize, 3000);
    return;
  }
  if (!access.allowed) {
    showAuth(access.reason);
    return;
  }
  $('auth').hidden = true;
  $('main').hidden = false;
  await tick();
}

function mergeHistory(history) {
  state.windowSeconds = history.windowSeconds;
  state.intervalSeconds = history.intervalSeconds;
  if (history.latestSequence < state.lastSequence) {
    // The silo restarted: its sequence began again, so the history we hold is another process's.
    state.samples = [];
  }
  state.samples.push(...history.samples);
  if (state.samples.length) state.lastSequence = state.samples[state.samples.length - 1].sequence;
  const newest = state.samples.length ? Date.parse(state.samples[state.samples.length - 1].at) : 0;
  state.samples = state.samples.filter(sample => Date.parse(sample.at) >= newest - state.windowSeconds * 1000);
}

function detailWidth() {
  return ($('experiments').clientWidth || 800) - 40;
}

async function refreshSelected() {
  const container = $('experiment-detail');
  if (!state.selected) { container.hidden = true; return; }
  container.hidden = false;
  try {
    renderExperimentDetail(container, await api.get(`experiments/${encodeURIComponent(state.selected)}`), detailWidth() / (window.innerWidth > 900 ? 2 : 1));
  } catch (error) {
    if (error instanceof api.AccessError) throw error;
    renderError(container, error.message);
  }
}

async function refreshLookups() {
  const jobs = [];
  if (state.user) {
    jobs.push(api.get(`users/${encodeURIComponent(state.user)}`)
      .then(user => renderUser($('user-view'), user), error => renderError($('user-view'), error.message)));
  }
  if (state.experiment) {
    jobs.push(api.get(`experiments/${encodeURIComponent(state.experiment)}`)
      .then(detail => renderExperimentDetail($('experiment-view'), detail, $('experiment-view').clientWidth || 400),
        error => renderError($('experiment-view'), error.message)));
  }
  await Promise.all(jobs);
}

function select(id) {
  state.selected = id;
  for (const row of document.querySelectorAll('#experiment-table tbody tr')) row.classList.toggle('selected', row.dataset.experiment === id);
  refreshSelected().catch(() => {});
}

async function tick() {
  clearTimeout(state.timer);
  try {
    const [cluster, history, experiments] = await Promise.all([
      api.get('cluster'), api.get(`history?since=${state.lastSequence}`), api.get('experiments')]);
    mergeHistory(history);
    const latest = state.samples[state.samples.length - 1];
    const self = cluster.silos.find(silo => silo.isSelf);
    renderOverview(cluster, latest);
    renderHistory(state.samples, state.windowSeconds, cluster.servedBy, self?.address);
    if (!experiments.some(e => e.id === state.selected)) state.selected = experiments[0]?.id ?? null;
    renderExperimentList(experiments, state.selected, select);
    await Promise.all([refreshSelected(), refreshLookups()]);
    setLive(`live · updated ${new Date().toLocaleTimeString()}`, true);
  } catch (error) {
    if (error instanceof api.AccessError) {
      showAuth(error.message);
      return;
    }
    setLive(`update failed (${error.message}); retrying`, false);
  }
  state.timer = setTimeout(tick, Math.min(5000, Math.max(500, state.intervalSeconds * 1000)));
}

function lookup(formId, inputId, key, view, load) {
  $(formId).addEventListener('submit', event => {
    event.preventDefault();
    state[key] = $(inputId).value.trim() || null;
    if (state[key]) load().catch(error => renderError($(view), error.message));
  });
}

$('auth-form').addEventListener('submit', event => {
  event.preventDefault();
  api.storeKey($('auth-key').value.trim());
  $('auth-key').value = '';
  authorize();
});
$('orleans-link').addEventListener('click', event => {
  event.preventDefault();
  const target = event.currentTarget.href;
  api.openSession().finally(() => { window.location.href = target; });
});
lookup('user-form', 'user-id', 'user', 'user-view', refreshLookups);
lookup('experiment-form', 'experiment-id', 'experiment', 'experiment-view', refreshLookups);
authorize();
