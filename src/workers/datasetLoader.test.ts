import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  builtinInfo,
  defaultChoiceFor,
  MANIFEST,
  type DatasetChoice,
  type ManifestEntry,
} from '../data/datasets';
import { chineseColumns } from '../data/columnNames';
import { classCounts } from '../data/split';
import { englishText } from '../shared/messages/englishText';
import { chineseText } from '../shared/messages/testing/chineseText';
import { DEFAULT_DATASET } from '../models/trainingConfig';
import { loadDataset, type LoaderDeps } from './datasetLoader';
import { createMemoryStore } from './userDataStore';

const DATASET_DIR = join(import.meta.dirname, '../../public/datasets');
const BASE_URL = pathToFileURL(DATASET_DIR + '/').href;

const fromDisk: LoaderDeps = {
  fetchFile: (url) =>
    Promise.resolve({ bytes: new Uint8Array(readFileSync(new URL(url))), fromCache: false }),
  userData: createMemoryStore(),
};

function choiceFor(entry: ManifestEntry): DatasetChoice {
  return { ...DEFAULT_DATASET, ...defaultChoiceFor(entry.id) };
}

async function load(entry: ManifestEntry, seed = 42) {
  const dataset = choiceFor(entry);
  const info = builtinInfo(entry, dataset);
  const decoded = await loadDataset(
    {
      dataset,
      datasetInfo: info,
      datasetBaseUrl: BASE_URL,
      seed,
      validationSplit: 0.2,
      testSplit: 0,
    },
    fromDisk,
    () => undefined,
  );
  return { info, decoded };
}

/** Reference class counts of the bundled files (from their original publications). */
const CLASS_COUNTS: Record<string, number[]> = {
  iris: [50, 50, 50],
  wine: [59, 71, 48],
  'breast-cancer': [357, 212],
  sentiment: [1490, 1490],
};

describe('the manifest', () => {
  it('lists every file with its real size', () => {
    for (const entry of MANIFEST) {
      const sizes = entry.files.map((f) => readFileSync(join(DATASET_DIR, f)).byteLength);
      expect(
        sizes.reduce((a, b) => a + b, 0),
        entry.id,
      ).toBe(entry.bytes);
    }
  });

  it('has unique ids and a source and licence for every dataset', () => {
    expect(new Set(MANIFEST.map((e) => e.id)).size).toBe(MANIFEST.length);
    for (const entry of MANIFEST) {
      expect(entry.source.length, entry.id).toBeGreaterThan(10);
      expect(entry.licence.length, entry.id).toBeGreaterThan(2);
    }
  });
});

describe('every bundled dataset loads with the manifest’s shapes and classes', () => {
  it.each(MANIFEST.map((e) => [e.id, e] as const))('%s', async (_id, entry) => {
    const { info, decoded } = await load(entry);
    const { data } = decoded;
    const features = info.inputShape.reduce((a, b) => a * b, 1);
    expect(data.count).toBeGreaterThan(0);
    expect(data.x.length).toBe(data.count * features);
    expect(Array.from(data.x.subarray(0, 5000)).every(Number.isFinite)).toBe(true);
    if (info.task === 'regression') {
      expect(data.y).toBeInstanceOf(Float32Array);
      expect(data.y.length).toBe(data.count * info.classes.length);
      return;
    }
    expect(data.y).toBeInstanceOf(Int32Array);
    const perSample = info.task === 'sequence' ? (info.inputShape[0] ?? 0) : 1;
    expect(data.y.length).toBe(data.count * perSample);
    // Reduced first: one expect per dataset, not one per value (corpora have ~700k labels).
    expect(Array.from(data.y).reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThanOrEqual(0);
    expect(Array.from(data.y).reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThan(
      info.classes.length,
    );
    if (info.inputIsTokens) {
      expect(data.x.reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThan(info.vocabSize ?? 0);
      expect(data.x.every(Number.isInteger)).toBe(true);
    }
    if (entry.kind === 'table' || entry.kind === 'text') {
      expect(data.count).toBe(entry.samples);
      expect(classCounts(data, info.classes.length)).toEqual(CLASS_COUNTS[entry.id]);
    }
    if (entry.kind === 'table') expect(decoded.featureNames).toHaveLength(features);
    if (entry.kind === 'text') expect(decoded.texts).toHaveLength(data.count);
  });

  it('mnist: the gzip file unpacks to 60,000 training images in [0, 1] and 10,000 test images', async () => {
    const entry = MANIFEST.find((e) => e.id === 'mnist') as ManifestEntry;
    const { decoded } = await load(entry);
    expect(decoded.data.count).toBe(60_000);
    expect(decoded.fixedTest?.count).toBe(10_000);
    expect(Math.max(...decoded.data.x.subarray(0, 784 * 10))).toBeLessThanOrEqual(1);
    expect(classCounts(decoded.data, 10).every((c) => c > 600)).toBe(true);
  });

  it('a corpus window’s labels are its inputs shifted by one character', async () => {
    const entry = MANIFEST.find((e) => e.id === 'pride-and-prejudice') as ManifestEntry;
    const { info, decoded } = await load(entry);
    const T = info.inputShape[0] ?? 0;
    const { x, y } = decoded.data;
    for (let t = 0; t < T - 1; t++) expect(y[t]).toBe(x[t + 1]);
    const text = (ids: ArrayLike<number>) =>
      Array.from(ids, (id) => decoded.tokens?.[id] ?? '?').join('');
    expect(readFileSync(join(DATASET_DIR, 'pride-and-prejudice.txt'), 'utf8')).toContain(
      text(x.subarray(0, T)),
    );
  });

  it('file datasets are shuffled by the seed: same seed same order, another seed another', async () => {
    const entry = MANIFEST.find((e) => e.id === 'iris') as ManifestEntry;
    const a = (await load(entry, 1)).decoded.data;
    const b = (await load(entry, 1)).decoded.data;
    const c = (await load(entry, 2)).decoded.data;
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.y)).not.toEqual(Array.from(c.y));
    // Sorted by class in the file; shuffled, the first 30 rows hold more than one class.
    expect(new Set(a.y.subarray(0, 30)).size).toBeGreaterThan(1);
  });

  it("a built-in table's class note names its classes in the reader's language", async () => {
    const entry = MANIFEST.find((e) => e.id === 'iris') as ManifestEntry;
    const { notes } = (await load(entry)).decoded;
    const note = notes.find((n) => n.key === 'data.note.classes');
    expect(note).toBeDefined();
    expect(englishText(note!)).toBe('3 classes: setosa (50), versicolor (50), virginica (50).');
    expect(chineseText(note!)).toBe('3 个类别：山鸢尾（50）、变色鸢尾（50）、维吉尼亚鸢尾（50）。');
  });

  it("a built-in table's Chinese column names are its input columns, one for one", async () => {
    const tables = MANIFEST.filter((e) => e.kind === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const entry of tables) {
      const { featureNames } = (await load(entry)).decoded;
      expect(Object.keys(chineseColumns(entry.id) ?? {}).sort(), entry.id).toEqual(
        [...(featureNames ?? [])].sort(),
      );
    }
  });
});
