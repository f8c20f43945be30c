import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { tfjsWasmThreads } from './vite-plugins/tfjsWasmThreads';

// `base: './'` makes every asset URL relative, so `dist/` works from any subpath
// of a static host (GitHub Pages project sites, a USB stick served locally).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Offline use: src/offline/sw.ts, built into `sw.js` beside index.html with the precache list
    // of this build's files injected; registered by src/offline/registerServiceWorker.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      injectRegister: false, // main.tsx registers it, in production builds only
      manifest: false, // no web app manifest: the goal is working offline, not installation
      injectManifest: {
        // The app shell: index.html and every chunk, the training worker and lazy views included.
        // Datasets stay out: the training worker caches each file it downloads (see sw.ts).
        // Lessons are small JSON files the Lessons panel fetches at start: offline they must be here.
        globPatterns: ['**/*.{html,js,css,wasm}', 'lessons/*.json'],
        globIgnores: ['datasets/**', '**/*.map', 'sw.js'],
        // The training worker's chunk (tfjs and its backends) is ~2.4 MB, over Workbox's 2 MiB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        rollupFormat: 'iife', // a classic script: registered without { type: 'module' }
        sourcemap: false,
      },
    }),
  ],
  worker: {
    format: 'es',
    // The training worker is bundled on its own, with these plugins (not the page's).
    plugins: () => [tfjsWasmThreads()],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Everything the first paint needs in the entry chunk, one file: left alone, Rolldown
        // splits what the lazy chunks share with it into ~15 small chunks that load before the
        // first paint all the same, ~5 KB more gzip (scripts/check-bundle-size.mjs counts them).
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['src/testing/setupMessages.ts'],
    testTimeout: 60_000,
    // Two tiers: `npm run test:quick` runs the quick project, `npm test` both. A test file that
    // trains real models (or otherwise takes long) is named *.slow.test.ts; see README.md.
    projects: [
      {
        extends: true,
        test: {
          name: 'quick',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.slow.test.ts'],
        },
      },
      { extends: true, test: { name: 'slow', include: ['src/**/*.slow.test.ts'] } },
    ],
  },
});
