import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { warmUpWorker } from './bridge/workerBridge';
import { loadSharedLink } from './state/loadSharedLink';
import './styles.css';

loadSharedLink();
// A link pasted into the address bar of an open tab only changes the fragment: no reload.
window.addEventListener('hashchange', loadSharedLink);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
warmUpWorker();
