// The live trace of one module from GET /api/modules/{id}/trace (server-sent events): host and module bytes in two
// colours, <CR> <LF> <TAB> and <hh> escapes shown as such, injected faults and events marked; pause, follow,
// search, and download in the format of `serve --trace FILE`.
import { el } from './api.js';

const KEEP = 20000;
const ESCAPE = /<(CR|LF|TAB|[0-9a-f]{2})>/g;
const LABELS = { host: 'host>', module: 'module<', inject: 'inject!' };

// `serve --trace` writes six fraction digits; Instant.toString() writes 0 to 9.
function traceTime(iso) {
  const m = iso.match(/^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/);
  return m ? `${m[1]}.${((m[2] || '') + '000000').slice(0, 6)}Z` : iso;
}

// An injection's text escaped as TraceWriter escapes it (the stream sends it plain).
function escapeText(text) {
  let out = '';
  for (const b of new TextEncoder().encode(text)) {
    if (b === 13) out += '<CR>';
    else if (b === 10) out += '<LF>';
    else if (b === 9) out += '<TAB>';
    else if (b >= 0x20 && b < 0x7f && b !== 0x3c) out += String.fromCharCode(b);
    else out += `<${b.toString(16).padStart(2, '0')}>`;
  }
  return out;
}

function bytesNode(text) {
  const span = el('span', { class: 'bytes' });
  let last = 0;
  for (const m of text.matchAll(ESCAPE)) {
    if (m.index > last) span.append(text.slice(last, m.index));
    span.append(el('span', { class: m[1].length === 2 ? 'esc hex' : 'esc', text: m[0] }));
    last = m.index + m[0].length;
  }
  if (last < text.length) span.append(text.slice(last));
  return span;
}

export function traceView(id) {
  const records = [];
  let paused = false;
  let waiting = [];
  let query = '';
  const rows = el('div', { id: 'trace', class: 'trace' });
  const follow = el('input', { type: 'checkbox', id: 'trace-follow', checked: true });
  const pending = el('span', { class: 'count', id: 'trace-pending' });
  const pause = el('button', { id: 'trace-pause', text: 'pause', onclick: () => {
    paused = !paused;
    pause.textContent = paused ? 'resume' : 'pause';
    if (!paused) {
      waiting.forEach(show);
      waiting = [];
      pending.textContent = '';
    }
  } });
  const search = el('input', { type: 'search', id: 'trace-search', placeholder: 'search the trace',
    oninput: e => { query = e.target.value.toLowerCase(); refilter(); } });
  const download = el('button', { id: 'trace-download', text: 'download', title: 'as serve --trace writes it',
    onclick: () => {
      const text = records.map(r => `${traceTime(r.time)} ${LABELS[r.direction]} ${r.file}\n`).join('');
      const link = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })),
        download: `qmodem-${id}.trace` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } });
  const clear = el('button', { text: 'clear', onclick: () => { records.length = 0; rows.replaceChildren(); } });
  const panel = el('section', { class: 'panel trace-panel' },
    el('h2', {}, 'Trace ', el('span', { class: 'legend host', text: 'host' }), ' ',
      el('span', { class: 'legend module', text: 'module' }), ' ', el('span', { class: 'legend inject', text: 'injected' })),
    el('div', { class: 'toolbar' }, pause, el('label', {}, follow, ' follow'), search, download, clear, pending),
    rows);

  function matches(record) {
    return !query || record.file.toLowerCase().includes(query);
  }

  function refilter() {
    for (const row of rows.children) row.hidden = !matches(row.record);
  }

  function show(record) {
    const row = el('div', { class: `rec ${record.direction}` },
      el('span', { class: 'time', text: record.time.slice(11, 23) }),
      el('span', { class: 'dir', text: LABELS[record.direction] }),
      record.dropped ? el('span', { class: 'dropped', text: `(${record.dropped} records dropped) ` }) : null,
      record.direction === 'inject' ? el('span', { class: 'bytes', text: record.text }) : bytesNode(record.text));
    row.record = record;
    row.hidden = !matches(record);
    rows.append(row);
    while (rows.childElementCount > KEEP) rows.firstElementChild.remove();
    if (follow.checked) rows.scrollTop = rows.scrollHeight;
  }

  const source = new EventSource(`/api/modules/${encodeURIComponent(id)}/trace`);
  source.addEventListener('trace', message => {
    const data = JSON.parse(message.data);
    const record = { time: data.time, direction: data.direction, text: data.text, dropped: data.dropped_before,
      file: data.direction === 'inject' ? escapeText(data.text) : data.text };
    records.push(record);
    if (records.length > KEEP) records.shift();
    if (paused) {
      waiting.push(record);
      pending.textContent = `${waiting.length} new`;
    } else {
      show(record);
    }
  });
  return { node: panel, stop: () => source.close() };
}
