/** Entry point: settings from the link, the link kept in step with the settings, kept runs restored, then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadFromHash, syncHash } from './state/actions';
import { browserRunStorage } from './state/browserRunStorage';
import { isActive } from './state/run';
import { keepOnFinish, restoreRuns } from './state/runKeeper';
import { store } from './state/store';
import { onHashChange, readHash } from './state/url';
import { App } from './ui/App';
import './ui/styles.css';
import './ui/teaching/teaching.css';

loadFromHash(readHash());
// Rewrite the link in canonical form (defaults dropped, invalid fields removed).
syncHash();
// A hand-edited link applies at once; the next Train uses it.
onHashChange((hash) => {
  loadFromHash(hash);
  syncHash();
});
// Finished runs survive a reload: kept when they finish, shown again on the same link.
void restoreRuns(browserRunStorage);
keepOnFinish(browserRunStorage);
// Leaving while runs train asks first (the browser shows its own question).
window.addEventListener('beforeunload', (e) => {
  const s = store.getState();
  if (s.runOrder.some((id) => isActive(s.runs[id].status))) e.preventDefault();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
