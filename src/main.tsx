import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { warmUpWorker } from './bridge/workerBridge';
import { reopenAfterRestart, reopenInterruptedRun } from './bridge/reopenRun';
import { loadSharedLink } from './state/loadSharedLink';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { initI18n } from './i18n/i18n';
import './styles.css';

loadSharedLink();
// A link pasted into the address bar of an open tab only changes the fragment: no reload.
window.addEventListener('hashchange', loadSharedLink);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render waits for the page's language (a Chinese page loads its text chunk first).
void initI18n().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
warmUpWorker();
// A run cut short by a reload or a crashed worker comes back at its last checkpoint.
reopenAfterRestart();
reopenInterruptedRun().catch((error: unknown) =>
  console.error('LayerLab could not read its run history:', error),
);
// Offline use (src/offline): only the built app has a service worker, never the dev server.
if (import.meta.env.PROD) registerServiceWorker();
