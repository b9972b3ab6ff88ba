// The inspector's one page: #/ is the fleet, #/module/<id> one module.
import { showFleet } from './fleet.js';
import { showModule } from './module.js';

let current = null;

function route() {
  if (current) current.stop();
  const view = document.getElementById('view');
  view.replaceChildren();
  const crumbs = document.getElementById('crumbs');
  const match = location.hash.match(/^#\/module\/([^/]+)$/);
  if (match) {
    const id = decodeURIComponent(match[1]);
    crumbs.replaceChildren(Object.assign(document.createElement('a'), { href: '#/', textContent: 'fleet' }),
      ` / module ${id}`);
    current = showModule(view, id);
  } else {
    crumbs.textContent = 'fleet';
    current = showFleet(view);
  }
}

window.addEventListener('hashchange', route);
route();
