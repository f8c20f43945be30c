import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT } from './storageKeys';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = sourceFiles(SRC)
  .filter((path) => !path.endsWith('storageKeys.ts'))
  .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('the table of what is kept', () => {
  it('gives every key, database and cache its own name', () => {
    const names = Object.values(KEPT).map((kept) => `${kept.where} ${kept.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is where every module takes its names from: none is spelled anywhere else', () => {
    // The app shell's is only a prefix, "layerlab", which other strings rightly contain.
    const names = Object.values(KEPT).filter((kept) => kept !== KEPT.appShell);
    for (const { name } of names) {
      const spelled = sources
        .filter(({ text }) => text.includes(`'${name}'`) || text.includes(`"${name}"`))
        .map(({ path }) => path);
      expect(spelled, name).toEqual([]);
    }
  });

  it('leaves no storage call with a literal name', () => {
    const literalCall =
      /(localStorage\.\w+Item|createStore|caches\.(open|delete)|indexedDB\.open)\(\s*['"`]/;
    expect(sources.filter(({ text }) => literalCall.test(text)).map(({ path }) => path)).toEqual(
      [],
    );
  });

  it('has no entry nobody uses', () => {
    for (const entry of Object.keys(KEPT)) {
      const users = sources.filter(({ text }) => text.includes(`KEPT.${entry}.`));
      expect(users.length, entry).toBeGreaterThan(0);
    }
  });
});
