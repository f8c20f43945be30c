import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { PartBoundary } from './components/PartBoundary';
import { warmUpWorker } from './bridge/workerBridge';
import { loadSharedLink } from './state/loadSharedLink';
import { prefetchWhenIdle } from './state/onDemand';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { initI18n } from './i18n/i18n';
import './styles.css';

// A share link (#x=…) is applied before the first render; without one this resolves at once.
const linkApplied = loadSharedLink();
// A link pasted into the address bar of an open tab only changes the fragment: no reload.
window.addEventListener('hashchange', () => void loadSharedLink());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render waits for the page's language (a Chinese page loads its text chunk first).
void Promise.all([initI18n(), linkApplied.catch(() => undefined)]).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <PartBoundary>
        <App />
      </PartBoundary>
    </StrictMode>,
  );
  // What the first screen does not need (charts, internals views, panels, share links) loads
  // in the background, one chunk per idle moment: src/state/onDemand.ts.
  prefetchWhenIdle();
});
warmUpWorker();
// The model import's sentences, which nothing shows before a file is imported (src/i18n/lateText.ts).
void import('./i18n/lateText');
// A run cut short by a reload or a crashed worker comes back at its last checkpoint (after a
// share link in the address has replaced the design, as before). Its code (comparing the run's
// experiment with the one on screen) is not needed for the first paint: it loads beside it.
const reopening = import('./bridge/reopenRun');
void reopening.then((r) => r.reopenAfterRestart());
Promise.all([reopening, linkApplied.catch(() => undefined)])
  .then(([r]) => r.reopenInterruptedRun())
  .catch((error: unknown) => console.error('LayerLab could not read its run history:', error));
// Offline use (src/offline): only the built app has a service worker, never the dev server.
if (import.meta.env.PROD) registerServiceWorker();
