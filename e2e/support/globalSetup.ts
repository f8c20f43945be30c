// Serves the built app (dist/) under a subpath for the whole run. The address reaches the test
// workers through the environment (they start after this runs), read by the `baseURL` fixture.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveFolder } from './server';

export const APP_URL_VARIABLE = 'LAYERLAB_E2E_URL';
const DIST = join(import.meta.dirname, '..', '..', 'dist');

export default async function serveApp(): Promise<() => Promise<void>> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('e2e: dist/ is missing; run `npm run build` first.');
  }
  const server = await serveFolder(DIST, '/layerlab/sub/');
  process.env[APP_URL_VARIABLE] = server.url;
  return server.close;
}
