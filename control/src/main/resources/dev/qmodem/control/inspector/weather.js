// The fault and event panel: a form per kind, built from the fields the control API takes (docs/faults.md).
import { api, el } from './api.js';

// name, type (int | prob | text | choice | bool), choices, placeholder/default, whether it may be left empty
const FAULTS = {
  link: [['preset', 'choice', ['', 'gsm', 'umts', 'catm1', 'nbiot'], '', true], ['down_kbps', 'int', null, '800', true],
    ['up_kbps', 'int', null, '', true], ['latency_ms', 'int', null, '', true], ['jitter_ms', 'int', null, '', true]],
  uart: [['baud', 'int', null, '115200']],
  delay: [['command', 'text', null, '+QFTPOPEN'], ['ms', 'int', null, '2000']],
  hang: [['command', 'text', null, '+QFTPSIZE']],
  cut: [['connection', 'choice', ['data', 'control']], ['after_bytes', 'int', null, '1000']],
  stall: [['connection', 'choice', ['data', 'control']], ['after_bytes', 'int', null, '1000']],
  slice: [['max_bytes', 'int', null, '8'], ['gap_ms', 'int', null, '20', true]],
  dns: [['fail', 'bool', null, true]],
  noise: [['to_host_drop', 'prob', null, '', true], ['to_host_flip', 'prob', null, '', true],
    ['from_host_drop', 'prob', null, '', true], ['from_host_flip', 'prob', null, '', true], ['seed', 'int', null, '42', true]],
  disk: [['free_bytes', 'int', null, '1024']],
};

const EVENTS = {
  'pdp-deactivate': [['context', 'int', null, '1']],
  urc: [['text', 'text', null, '+QIURC: "custom"']],
  reboot: [],
  'power-off': [],
  'power-on': [],
  registration: [['state', 'choice', ['registered', 'searching', 'denied', 'roaming']]],
  signal: [['rssi', 'int', null, '20'], ['ber', 'int', null, '0']],
};

function describe(fault) {
  return Object.entries(fault).filter(([k]) => k !== 'id' && k !== 'kind')
    .filter(([, v]) => v !== 0 || fault.kind !== 'link').map(([k, v]) => `${k}=${v}`).join(' ');
}

// A select of kinds and the fields of the chosen one; submit(object) sends it.
function kindForm(prefix, kinds, action, submit) {
  const message = el('div', { class: 'message', id: `${prefix}-message` });
  const fields = el('div', { class: 'fields', id: `${prefix}-fields` });
  const kind = el('select', { id: `${prefix}-kind`, onchange: () => build() },
    Object.keys(kinds).map(k => el('option', { value: k, text: k })));
  const button = el('button', { id: `${prefix}-submit`, type: 'submit', text: action });
  const form = el('form', { id: `${prefix}-form`, class: 'kind-form', onsubmit: async e => {
    e.preventDefault();
    const object = { kind: kind.value };
    for (const [name, type] of kinds[kind.value]) {
      const input = form.elements[name];
      if (type === 'bool') object[name] = input.checked;
      else if (input.value !== '') object[name] = type === 'int' ? Number.parseInt(input.value, 10)
        : type === 'prob' ? Number.parseFloat(input.value) : input.value;
    }
    form.querySelectorAll('.bad').forEach(n => n.classList.remove('bad'));
    try {
      const answer = await submit(object);
      message.className = 'message ok';
      message.textContent = answer;
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message + (error.field ? ` (${error.field})` : '');
      if (error.field && form.elements[error.field]) form.elements[error.field].classList.add('bad');
    }
  } }, el('label', {}, 'kind ', kind), fields, button, message);

  function build() {
    fields.replaceChildren(...kinds[kind.value].map(([name, type, choices, value, optional]) => {
      let input;
      if (type === 'choice') input = el('select', { name }, choices.map(c => el('option', { value: c, text: c || '(none)' })));
      else if (type === 'bool') input = el('input', { name, type: 'checkbox', checked: value });
      else input = el('input', { name, type: type === 'text' ? 'text' : 'number', step: type === 'prob' ? '0.001' : '1',
        min: type === 'text' ? null : '0', max: type === 'prob' ? '1' : null, value: optional ? null : value,
        placeholder: optional ? (value || 'optional') : null });
      return el('label', {}, `${name} `, input);
    }));
  }
  build();
  return form;
}

export function weatherPanel(id, refresh) {
  const list = el('ul', { id: 'faults', class: 'faults' });
  const addFault = kindForm('fault', FAULTS, 'add fault', async fault => {
    const added = await api.addFault(id, fault);
    refresh();
    return `fault ${added.id} (${added.kind}) in force`;
  });
  const fire = kindForm('event', EVENTS, 'fire event', async event => {
    const outcome = (await api.fire(id, event)).outcome;
    refresh();
    return outcome;
  });
  const clear = el('button', { id: 'faults-clear', text: 'remove all', onclick: () => api.clearFaults(id).then(refresh) });
  const node = el('section', { class: 'panel weather' },
    el('h2', { text: 'Faults' }), list, clear, addFault, el('h2', { text: 'Events' }), fire);

  let shown = '';
  function update(faults) {
    const key = JSON.stringify(faults);
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...faults.map(f => el('li', { 'data-fault': f.id, 'data-kind': f.kind },
      el('b', { text: f.kind }), ` #${f.id} `, el('span', { class: 'fields', text: describe(f) }),
      el('button', { class: 'remove', title: 'remove', text: '×', onclick: () => api.removeFault(id, f.id).then(refresh) }))));
    if (!faults.length) list.append(el('li', { class: 'none', text: 'no fault in force' }));
  }
  return { node, update };
}
