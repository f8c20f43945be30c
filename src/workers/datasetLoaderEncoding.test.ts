/**
 * The bundled MNIST file is gzip. A host that serves .gz files with "Content-Encoding: gzip" has the
 * browser unpack it before the worker sees it: the loader must take those bytes as they are. (Its
 * own file: the loader keeps downloaded files for the worker's lifetime, per module instance.)
 */
import { gunzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { builtinDataset, defaultChoiceFor } from '../data/datasets';
import { DEFAULT_DATASET } from '../models/trainingConfig';
import { loadDataset } from './datasetLoader';
import { createMemoryStore } from './userDataStore';

const DATASET_DIR = join(import.meta.dirname, '../../public/datasets');

it('MNIST loads the same whether the host sends the gzip file as it is or already unpacked', async () => {
  const served: string[] = [];
  const decoded = await loadDataset(
    {
      dataset: { ...DEFAULT_DATASET, ...defaultChoiceFor('mnist') },
      datasetInfo: builtinDataset('mnist'),
      datasetBaseUrl: pathToFileURL(DATASET_DIR + '/').href,
      seed: 42,
      validationSplit: 0.2,
      testSplit: 0,
    },
    {
      fetchFile: (url) => {
        const bytes = new Uint8Array(readFileSync(new URL(url)));
        const unpacked = url.endsWith('.gz') ? gunzipSync(bytes) : bytes;
        served.push(`${url.split('/').at(-1)}:${unpacked[0]}`);
        return Promise.resolve({ bytes: unpacked, fromCache: false });
      },
      userData: createMemoryStore(),
    },
    () => undefined,
  );
  // The pixels arrived unpacked (a first byte of 0, not gzip's 0x1f) and decoded all the same.
  expect(served).toContain('mnist.bin.gz:0');
  expect(decoded.data.count).toBe(60_000);
  expect(decoded.fixedTest?.count).toBe(10_000);
  expect(Array.from(decoded.fixedTest?.y.subarray(0, 3) ?? [])).toEqual([7, 2, 1]);
});
