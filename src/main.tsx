/** Entry point: settings from the link, the link kept in step with the settings, then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadFromHash, syncHash } from './state/actions';
import { onHashChange, readHash } from './state/url';
import { App } from './ui/App';
import './ui/styles.css';

loadFromHash(readHash());
// Rewrite the link in canonical form (defaults dropped, invalid fields removed).
syncHash();
// A hand-edited link applies at once; the next Train uses it.
onHashChange((hash) => {
  loadFromHash(hash);
  syncHash();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
