// Rewrites one marked section of BENCHMARKS.md (<!-- name:start --> … <!-- name:end -->), leaving
// the rest as it is, formatted as the repository's prettier would so the format check stays green.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export const BENCHMARKS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'BENCHMARKS.md',
);

/**
 * `lines` become the section `name`: replaced where it is, appended where it is not yet. `by` is
 * the script that writes it, named in the start marker.
 */
export async function writeSection(name, lines, by) {
  const start = `<!-- ${name}:start (written by ${by}) -->`;
  const end = `<!-- ${name}:end -->`;
  const section = [start, ...lines, end].join('\n');
  const old = readFileSync(BENCHMARKS_PATH, 'utf8');
  const pattern = new RegExp(`<!-- ${name}:start[\\s\\S]*<!-- ${name}:end -->`);
  const text = pattern.test(old)
    ? old.replace(pattern, () => section)
    : `${old.trimEnd()}\n\n${section}\n`;
  const options = (await prettier.resolveConfig(BENCHMARKS_PATH)) ?? {};
  writeFileSync(BENCHMARKS_PATH, await prettier.format(text, { ...options, parser: 'markdown' }));
}
