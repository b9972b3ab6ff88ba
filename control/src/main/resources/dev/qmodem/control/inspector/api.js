// The control API, as the page uses it. Every call rejects with an Error whose message is the API's "error"
// (and whose .field names the offending field) when the answer is not 2xx.

export async function call(method, path, body, contentType = 'application/json') {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = contentType === 'application/json' ? JSON.stringify(body) : body;
    init.headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const parsed = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = new Error((parsed && parsed.error) || `${response.status} ${response.statusText}`);
    error.field = parsed && parsed.field;
    error.status = response.status;
    throw error;
  }
  return parsed;
}

export const api = {
  modules: () => call('GET', '/api/modules'),
  module: id => call('GET', `/api/modules/${id}`),
  addFault: (id, fault) => call('POST', `/api/modules/${id}/faults`, fault),
  removeFault: (id, faultId) => call('DELETE', `/api/modules/${id}/faults/${faultId}`),
  clearFaults: id => call('DELETE', `/api/modules/${id}/faults`),
  fire: (id, event) => call('POST', `/api/modules/${id}/events`, event),
  files: id => call('GET', `/api/modules/${id}/files`),
  fileUrl: (id, name) => `/api/modules/${id}/files/${encodeURIComponent(name)}`,
  upload: (id, name, blob) => call('PUT', `/api/modules/${id}/files/${encodeURIComponent(name)}`, blob,
    'application/octet-stream'),
  deleteFile: (id, name) => call('DELETE', `/api/modules/${id}/files/${encodeURIComponent(name)}`),
  commands: id => call('GET', `/api/modules/${id}/commands`),
};

// AT+QFTPSTAT's <ftpstat>, in words.
export const FTP_STATES = { 0: 'opening', 1: 'open', 2: 'transferring', 3: 'closing', 4: 'closed' };

// Repeats task every `ms` until stop() is called; never two at once, and a failure does not stop it.
export function every(ms, task) {
  let timer = null;
  let stopped = false;
  const run = async () => {
    try {
      await task();
    } catch (e) {
      console.warn(e);
    }
    if (!stopped) {
      timer = setTimeout(run, ms);
    }
  };
  run();
  return { stop() { stopped = true; clearTimeout(timer); } };
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}
