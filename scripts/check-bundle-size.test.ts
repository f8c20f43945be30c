import { describe, expect, it } from 'vitest';
import {
  BUDGET_BYTES,
  chunksInHtml,
  initialChunks,
  staticImports,
  verdict,
} from './check-bundle-size.mjs';

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/shared-b2.js">
<link rel="stylesheet" crossorigin href="./assets/index-c3.css">
<link rel="icon" href="data:image/svg+xml,x">
</head><body><div id="root"></div></body></html>`;

describe('check-bundle-size', () => {
  it('finds the module script and the preloaded chunks in index.html, not the stylesheet', () => {
    expect(chunksInHtml(HTML)).toEqual(['assets/index-a1.js', 'assets/shared-b2.js']);
  });

  it('follows static imports and re-exports, not dynamic imports', () => {
    const code =
      'import{a as b}from"./react-x.js";export{c}from"./store-y.js";import"./side-z.js";' +
      'const v=()=>import("./CurveChart-w.js");';
    expect(staticImports(code)).toEqual(['react-x.js', 'store-y.js', 'side-z.js']);
  });

  it('counts what index.html loads and what that imports statically, transitively', () => {
    const files: Record<string, string> = {
      'assets/index-a1.js': 'import{r}from"./react-x.js";const l=()=>import("./lazy-q.js");',
      'assets/shared-b2.js': '',
      'assets/react-x.js': 'import"./scheduler-s.js";',
      'assets/scheduler-s.js': '',
      'assets/lazy-q.js': 'import{r}from"./react-x.js";',
    };
    const read = (path: string) => files[path] ?? '';
    expect(initialChunks(HTML, read).sort()).toEqual([
      'assets/index-a1.js',
      'assets/react-x.js',
      'assets/scheduler-s.js',
      'assets/shared-b2.js',
    ]);
  });

  it('passes at the budget and fails above it, naming the biggest first-paint chunks', () => {
    const chunk = (path: string, gzip: number, initial: boolean) => ({
      path,
      raw: gzip * 3,
      gzip,
      initial,
    });
    const within = {
      chunks: [chunk('assets/index.js', BUDGET_BYTES, true)],
      initialGzip: BUDGET_BYTES,
    };
    expect(verdict(within)).toBeNull();
    const over = {
      chunks: [
        chunk('assets/CurveChart.js', 120_000, false),
        chunk('assets/index.js', 140_000, true),
        chunk('assets/zod.js', 12_000, true),
      ],
      initialGzip: 152_000,
    };
    const failure = verdict(over);
    expect(failure).toContain('152.0 kB');
    expect(failure).toContain('assets/index.js 140.0 kB');
    expect(failure).not.toContain('CurveChart');
  });
});
