// The grain view: a user's live features, or an experiment grain's results, looked up by id.
import { h, put } from './dom.js';
import * as f from './format.js';

const WINDOWS = ['1m', '10m', '1h', '24h'];

export function renderUser(container, user) {
  const counts = Object.entries(user.counts || {}).sort(([a], [b]) => a.localeCompare(b));
  const session = user.session;
  put(container,
    h('dl', { 'data-user': user.userId },
      h('dt', {}, 'User'), h('dd', {}, user.userId),
      h('dt', {}, 'Events'), h('dd', { class: 'total-events' }, f.count(user.totalEvents)),
      h('dt', {}, 'Engagement'), h('dd', {}, f.number(user.engagementScore, 2)),
      h('dt', {}, 'Value sum'), h('dd', {}, f.number(user.valueSum, 2)),
      h('dt', {}, 'Last event'), h('dd', {}, user.lastEventAt ? new Date(user.lastEventAt).toLocaleString() : '–'),
      h('dt', {}, 'Session'), h('dd', {}, session ? `${session.id}: ${f.count(session.eventCount)} events over ${f.duration(session.durationSeconds)}${session.isActive ? ' (active)' : ''}` : '–'),
      h('dt', {}, 'Top categories'), h('dd', {}, (user.topCategories || []).slice(0, 5).map(c => `${c.category} (${f.number(c.score, 2)})`).join(', ') || '–'),
      h('dt', {}, 'Recent items'), h('dd', {}, (user.recentItems || []).slice(0, 8).map(i => i.itemId).join(', ') || '–')),
    counts.length === 0 ? h('p', { class: 'muted' }, 'No events counted in the last 24 hours.') :
      h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Event type'), WINDOWS.map(w => h('th', { class: 'num' }, w)))),
        h('tbody', {}, counts.map(([type, byWindow]) =>
          h('tr', { 'data-type': type }, h('td', {}, type), WINDOWS.map(w => h('td', { class: 'num' }, f.count(byWindow[w] ?? 0)))))))));
}

export function renderError(container, message) {
  put(container, h('p', { class: 'error' }, message));
}
