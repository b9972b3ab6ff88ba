// One module: live trace, state, faults and events, UFS, console, and plots of the transfer rate and of command
// latencies. State is polled once a second; the trace is pushed.
import { api, every, el, FTP_STATES } from './api.js';
import { traceView } from './trace.js';
import { weatherPanel } from './weather.js';
import { linePlot, barPlot, human } from './plot.js';

const RATE_SPAN_S = 60;

function statePanel() {
  const table = el('dl', { id: 'state', class: 'state' });
  const node = el('section', { class: 'panel' }, el('h2', { text: 'State' }), table);
  function update(s) {
    const pdp = s.pdp.length ? s.pdp.map(p => `${p.context}: ${p.address}`).join(', ') : 'none active';
    const rows = [['model', s.model], ['endpoint', s.endpoint], ['host', s.hostConnected ? 'connected' : 'none'],
      ['mode', s.dataMode ? 'data' : 'command'], ['PDP', pdp],
      ['FTP', `${FTP_STATES[s.ftp.stat] ?? '?'} (QFTPSTAT ${s.ftp.stat})`],
      ['transfer', `${s.ftp.transferLength ?? 0} bytes (QFTPLEN)`],
      ['faults', s.faults.length ? s.faults.map(f => f.kind).join(', ') : 'none']];
    table.replaceChildren(...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { 'data-key': k, text: v })]));
  }
  return { node, update };
}

function ufsPanel(id) {
  const body = el('div', { id: 'ufs' });
  const message = el('div', { class: 'message', id: 'ufs-message' });
  const file = el('input', { type: 'file', id: 'ufs-file' });
  const name = el('input', { type: 'text', id: 'ufs-name', placeholder: 'name (default: the file\'s)' });
  const report = (ok, text) => { message.className = `message ${ok ? 'ok' : 'error'}`; message.textContent = text; };
  async function refresh() {
    const listing = await api.files(id);
    body.replaceChildren(...listing.drives.map(d => el('div', { class: 'drive' },
      el('h3', { text: `${d.drive}: ${human(d.free, 'B')} free of ${human(d.total, 'B')}` }),
      el('table', { class: 'files' }, d.files.length ? d.files.map(f => el('tr', { 'data-file': f.name },
        el('td', {}, el('a', { href: api.fileUrl(id, f.name), download: f.name.replace(/^RAM:/, ''), text: f.name })),
        el('td', { class: 'num', text: f.size }),
        el('td', {}, el('button', { class: 'remove', title: 'delete', text: '×', onclick: async () => {
          try { await api.deleteFile(id, f.name); report(true, `${f.name} deleted`); } catch (e) { report(false, e.message); }
          refresh();
        } }))))
        : el('tr', {}, el('td', { class: 'none', text: 'no files' }))))));
  }
  const upload = el('button', { id: 'ufs-upload', text: 'upload', onclick: async () => {
    const chosen = file.files[0];
    if (!chosen) { report(false, 'choose a file first'); return; }
    const target = name.value || chosen.name;
    try {
      const done = await api.upload(id, target, chosen);
      report(true, `${done.name}: ${done.size} bytes`);
    } catch (e) { report(false, e.message); }
    refresh();
  } });
  const node = el('section', { class: 'panel' }, el('h2', {}, 'Files ',
    el('button', { text: 'refresh', onclick: refresh })), body,
    el('div', { class: 'toolbar' }, file, name, upload), message);
  return { node, refresh };
}

// The module's host while connected: lines typed here go to the AT port with CR; its bytes come back.
function consolePanel(id) {
  let socket = null;
  const output = el('pre', { id: 'console-output', class: 'console' });
  const input = el('input', { type: 'text', id: 'console-input', placeholder: 'AT', disabled: true, autocomplete: 'off' });
  const connect = el('button', { id: 'console-connect', text: 'connect' });
  const message = el('span', { class: 'message', id: 'console-message' });
  const decoder = new TextDecoder('latin1');
  const print = text => {
    output.textContent += text.replace(/\r\n/g, '\n').replace(/\r/g, '');
    if (output.textContent.length > 100000) output.textContent = output.textContent.slice(-50000);
    output.scrollTop = output.scrollHeight;
  };
  connect.addEventListener('click', () => {
    if (socket) { socket.close(); return; }
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/modules/${encodeURIComponent(id)}/console`);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => { input.disabled = false; connect.textContent = 'disconnect'; message.textContent = 'connected'; input.focus(); };
    socket.onmessage = e => print(typeof e.data === 'string' ? e.data : decoder.decode(e.data));
    socket.onclose = e => {
      socket = null;
      input.disabled = true;
      connect.textContent = 'connect';
      message.textContent = e.code === 4409 ? 'a host is already connected' : 'disconnected';
    };
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(`${input.value}\r`);
      input.value = '';
    }
  });
  const node = el('section', { class: 'panel' }, el('h2', { text: 'Console' }),
    el('div', { class: 'toolbar' }, connect, message), output, input);
  return { node, stop: () => socket && socket.close(), canConnect: free => { connect.disabled = !socket && !free; } };
}

function plotsPanel() {
  const rate = el('canvas', { id: 'plot-rate', class: 'plot' });
  const latency = el('canvas', { id: 'plot-latency', class: 'plot' });
  const rateNote = el('div', { class: 'note', id: 'rate-note' });
  const node = el('section', { class: 'panel' }, el('h2', { text: 'Transfer rate (bytes/s, QFTPLEN per second)' }),
    rate, rateNote, el('h2', { text: 'Command latency (ms; * = FTP command to its URC)' }), latency);
  const points = [];
  let last = null;
  function sample(state) {
    const now = performance.now() / 1000;
    const length = state.ftp.transferLength ?? 0;
    if (!last || now - last.t >= 0.9) {
      if (last) {
        const moved = length >= last.length ? length - last.length : length;
        points.push({ t: now, v: moved / (now - last.t) });
        while (points.length && now - points[0].t > RATE_SPAN_S) points.shift();
      }
      last = { t: now, length };
    }
    const link = [...state.faults].reverse().find(f => f.kind === 'link');
    const refs = [];
    if (link && link.down_kbps) refs.push({ v: link.down_kbps * 125, label: `link down ${link.down_kbps} kbit/s` });
    if (link && link.up_kbps && link.up_kbps !== link.down_kbps) refs.push({ v: link.up_kbps * 125, label: `link up ${link.up_kbps} kbit/s` });
    linePlot(rate, points, refs, now, RATE_SPAN_S, 'B/s');
    const current = points.length ? points[points.length - 1].v : 0;
    rateNote.textContent = `now ${human(current, 'B/s')}` + (refs.length ? `; link ${refs.map(r => human(r.v, 'B/s')).join(' / ')}` : '; no link fault');
  }
  function commands(samples) {
    barPlot(latency, samples.slice(-60).map(s => ({ label: s.command, v: s.ms })), 'ms');
    latency.title = samples.slice(-10).map(s => `${s.command} ${s.result} ${s.ms.toFixed(1)} ms`).join('\n');
  }
  return { node, sample, commands };
}

export function showModule(view, id) {
  const trace = traceView(id);
  const state = statePanel();
  const files = ufsPanel(id);
  const terminal = consolePanel(id);
  const plots = plotsPanel();
  let refreshState = () => {};
  const weather = weatherPanel(id, () => refreshState());
  const error = el('div', { class: 'message error', id: 'module-error' });
  view.append(error, el('div', { class: 'module-view' },
    el('div', { class: 'column wide' }, trace.node, terminal.node),
    el('div', { class: 'column' }, state.node, weather.node, plots.node, files.node)));
  refreshState = async () => {
    try {
      const s = await api.module(id);
      error.textContent = '';
      state.update(s);
      weather.update(s.faults);
      plots.sample(s);
      terminal.canConnect(!s.hostConnected);
    } catch (e) {
      error.textContent = e.message;
    }
  };
  const statePoller = every(1000, refreshState);
  const commandPoller = every(2000, async () => plots.commands(await api.commands(id)));
  const filePoller = every(5000, files.refresh);
  return {
    stop() {
      [statePoller, commandPoller, filePoller].forEach(p => p.stop());
      trace.stop();
      terminal.stop();
    },
  };
}
