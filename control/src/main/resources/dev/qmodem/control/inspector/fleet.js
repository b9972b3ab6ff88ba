// Every module as a tile, from one GET /api/modules per second however many there are; only tiles whose state
// changed are redrawn.
import { api, every, el, FTP_STATES } from './api.js';

const FILTERS = {
  all: () => true,
  host: m => m.hostConnected,
  free: m => !m.hostConnected,
  data: m => m.dataMode,
  pdp: m => (m.pdpActive || []).length > 0,
  ftp: m => m.ftpStat !== 4,
  faults: m => (m.faultKinds || []).length > 0,
};
const FILTER_NAMES = { all: 'all', host: 'host connected', free: 'no host', data: 'data mode', pdp: 'PDP active',
  ftp: 'FTP open', faults: 'faults' };

export function showFleet(view) {
  let filter = 'all';
  let search = '';
  let latest = [];
  const tiles = new Map();
  const count = el('span', { id: 'fleet-count', class: 'count' });
  const buttons = Object.keys(FILTERS).map(name => el('button', {
    'data-filter': name, class: name === filter ? 'on' : '', text: FILTER_NAMES[name],
    onclick: () => { filter = name; buttons.forEach(b => b.classList.toggle('on', b.dataset.filter === name)); apply(); },
  }));
  const box = el('input', { type: 'search', placeholder: 'id, model, endpoint', id: 'fleet-search',
    oninput: e => { search = e.target.value.toLowerCase(); apply(); } });
  const grid = el('div', { id: 'fleet', class: 'fleet' });
  view.append(el('section', { class: 'toolbar' }, el('span', { class: 'label', text: 'show' }), buttons, box, count),
    grid);

  function matches(m) {
    return FILTERS[filter](m) && (!search || `${m.id} ${m.model} ${m.endpoint}`.toLowerCase().includes(search));
  }

  function apply() {
    let shown = 0;
    for (const m of latest) {
      const visible = matches(m);
      tiles.get(m.id).node.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} of ${latest.length} modules`;
  }

  function render(m) {
    const pdp = m.pdpActive || [];
    const faults = m.faultKinds || [];
    return [
      el('div', { class: 'tile-head' }, el('b', { text: `#${m.id}` }), el('span', { text: m.model })),
      el('div', { class: 'endpoint', text: m.endpoint }),
      el('div', { class: 'badges' },
        el('span', { class: `badge ${m.hostConnected ? 'yes' : 'no'}`, text: m.hostConnected ? 'host' : 'no host' }),
        m.dataMode ? el('span', { class: 'badge data', text: 'data' }) : null,
        el('span', { class: `badge ${pdp.length ? 'yes' : 'no'}`, text: pdp.length ? `PDP ${pdp.join(',')}` : 'no PDP' }),
        el('span', { class: `badge ftp-${m.ftpStat}`, text: `FTP ${FTP_STATES[m.ftpStat] ?? m.ftpStat}` })),
      el('div', { class: 'tile-faults' }, faults.map(kind => el('span', { class: 'badge fault', text: kind }))),
    ];
  }

  const poller = every(1000, async () => {
    latest = await api.modules();
    for (const m of latest) {
      const key = JSON.stringify(m);
      let tile = tiles.get(m.id);
      if (!tile) {
        tile = { node: el('a', { class: 'tile', href: `#/module/${encodeURIComponent(m.id)}`, 'data-id': m.id }), key: '' };
        tiles.set(m.id, tile);
        grid.append(tile.node);
      }
      if (tile.key !== key) {
        tile.key = key;
        tile.node.replaceChildren(...render(m));
        tile.node.classList.toggle('busy', m.hostConnected);
        tile.node.classList.toggle('faulted', (m.faultKinds || []).length > 0);
      }
    }
    apply();
    document.getElementById('status').textContent = `updated ${new Date().toLocaleTimeString()}`;
  });
  return { stop: () => poller.stop() };
}
