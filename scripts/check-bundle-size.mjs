// After `npm run build` (a step of `npm test`): the JavaScript the page needs before its first
// paint must stay within BUDGET_BYTES gzip. That is the entry chunk index.html starts plus every
// chunk it imports statically, since the browser fetches and runs all of them before anything
// shows (the bundler moves code shared with lazy chunks into chunks of their own, so the entry
// alone would understate it). Lazy chunks (charts, internals views, panels…) load after the first
// paint and do not count; the training worker is a chunk of its own and does not count either.
// Prints every chunk's gzip size; fails with the biggest initial chunks named when over.
//
//   node scripts/check-bundle-size.mjs [dist]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 150 kB of gzip (kB as Vite prints sizes: 1000 bytes), zlib's default level. */
export const BUDGET_BYTES = 150_000;

/** Chunks (paths relative to dist/) that index.html loads: its module script and preloads. */
export function chunksInHtml(html) {
  const found = [];
  const tag = /<(script|link)\b[^>]*>/g;
  for (const [element, name] of html.matchAll(tag)) {
    const module =
      name === 'script'
        ? /\btype="module"/.test(element) && /\bsrc="([^"]+)"/.exec(element)
        : /\brel="modulepreload"/.test(element) && /\bhref="([^"]+)"/.exec(element);
    if (module) found.push(module[1].replace(/^\.\//, ''));
  }
  return found;
}

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
export function staticImports(code) {
  const found = [];
  // Minified output: `import{a as b}from"./x.js"`, `export{c}from"./x.js"`, `import"./x.js"`.
  // A dynamic `import("./x.js")` has a parenthesis between and is not matched.
  const statement = /(?:\bimport|\bexport)\s*(?:[\w${},*\s]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g;
  for (const [, path] of code.matchAll(statement)) found.push(path.slice(2));
  return found;
}

/**
 * The initial chunks: what index.html names, and what those import statically, transitively.
 * Chunk paths are relative to dist/; chunks import each other relative to their own folder.
 */
export function initialChunks(html, read) {
  const seen = new Set();
  const queue = chunksInHtml(html);
  while (queue.length > 0) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const imported of staticImports(read(path))) queue.push(folder + imported);
  }
  return [...seen];
}

export const gzipBytes = (code) => gzipSync(code).length;

/** Every chunk with its sizes, the initial ones marked, biggest first. */
export function measure(dist) {
  const read = (path) => readFileSync(join(dist, path), 'utf8');
  const initial = new Set(initialChunks(read('index.html'), read));
  const chunks = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const path = `assets/${name}`;
      const code = read(path);
      return {
        path,
        raw: Buffer.byteLength(code),
        gzip: gzipBytes(code),
        initial: initial.has(path),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const initialGzip = chunks.filter((c) => c.initial).reduce((sum, c) => sum + c.gzip, 0);
  return { chunks, initialGzip };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** The table printed after a build. */
export function report({ chunks, initialGzip }) {
  const width = Math.max(...chunks.map((c) => c.path.length));
  const lines = chunks.map(
    (c) =>
      `  ${c.path.padEnd(width)}  ${kB(c.raw).padStart(10)}  ${kB(c.gzip).padStart(9)} gzip  ${c.initial ? 'first paint' : 'later'}`,
  );
  return [
    'JavaScript chunks (gzip at zlib’s default level):',
    ...lines,
    `First paint: ${kB(initialGzip)} gzip in ${chunks.filter((c) => c.initial).length} chunks (budget ${kB(BUDGET_BYTES)}).`,
  ].join('\n');
}

/** null when within budget, otherwise the failure message. */
export function verdict({ chunks, initialGzip }) {
  if (initialGzip <= BUDGET_BYTES) return null;
  const biggest = chunks
    .filter((c) => c.initial)
    .slice(0, 5)
    .map((c) => `${c.path} ${kB(c.gzip)}`)
    .join(', ');
  return (
    `The JavaScript before the first paint is ${kB(initialGzip)} gzip, over the ${kB(BUDGET_BYTES)} budget ` +
    `(biggest: ${biggest}). Load what the first screen does not need after it: deferred() in ` +
    `src/components/deferred.tsx, onDemand() in src/state/onDemand.ts (ARCHITECTURE.md, "What loads when").`
  );
}

function main() {
  const dist = process.argv[2] ?? 'dist';
  const result = measure(dist);
  console.log(report(result));
  const failure = verdict(result);
  if (failure) {
    console.error(failure);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
