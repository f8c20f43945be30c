/**
 * Where runs live: IndexedDB through idb-keyval, in three databases, so that listing runs reads
 * only the small summaries, a chart reads only curves, and weights are read one checkpoint at a
 * time. Only the worker touches it; tests use the in-memory version.
 */
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { RunCurves, RunSummary } from '../../shared/runs/runTypes';
import { KEPT } from '../../shared/storageKeys';
import { upgradeKept } from '../../shared/experiment';
import type { WeightSpec } from '../savedModels/modelBundle';

/** Weights and optimizer state after `step` steps, in tfjs's weights format (no topology: the
 * run's experiment rebuilds the model). */
export interface Checkpoint {
  step: number;
  epoch: number;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
  optimizerClass: string;
}

export interface RunStore {
  listSummaries(): Promise<RunSummary[]>;
  getSummary(id: string): Promise<RunSummary | undefined>;
  putSummary(summary: RunSummary): Promise<void>;
  /** Chunks `from` to `to` (not included) of a run's curves, joined. */
  getCurveChunks(id: string, from: number, to: number): Promise<RunCurves>;
  putCurveChunk(id: string, index: number, chunk: RunCurves): Promise<void>;
  deleteCurveChunk(id: string, index: number): Promise<void>;
  getCheckpoint(id: string, step: number): Promise<Checkpoint | undefined>;
  putCheckpoint(id: string, checkpoint: Checkpoint): Promise<void>;
  deleteCheckpoint(id: string, step: number): Promise<void>;
  /** The summary, curves and every checkpoint the summary lists. */
  deleteRun(summary: RunSummary): Promise<void>;
}

/** Every stored chunk of a run's curves, joined. */
export const storedCurves = (store: RunStore, summary: RunSummary): Promise<RunCurves> =>
  store.getCurveChunks(summary.id, 0, summary.curveChunks);

const checkpointKey = (id: string, step: number) => `${id}@${step}`;
const chunkKey = (id: string, index: number) => `${id}#${index}`;

/** Chunks of a run's curves joined in order (a missing one adds nothing). */
export function joinChunks(chunks: (RunCurves | undefined)[]): RunCurves {
  return {
    train: chunks.flatMap((chunk) => chunk?.train ?? []),
    validation: chunks.flatMap((chunk) => chunk?.validation ?? []),
  };
}

const indices = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const chunkIndices = (summary: RunSummary) => indices(0, summary.curveChunks);

const newestFirst = (runs: RunSummary[]) => runs.sort((a, b) => b.createdAt - a.createdAt);

export function createIndexedDbRunStore(): RunStore {
  let summaries: UseStore | null = null;
  let curves: UseStore | null = null;
  let checkpoints: UseStore | null = null;
  const summaryDb = () =>
    (summaries ??= createStore(KEPT.runSummaries.name, KEPT.runSummaries.store));
  const curveDb = () => (curves ??= createStore(KEPT.runCurves.name, KEPT.runCurves.store));
  const checkpointDb = () =>
    (checkpoints ??= createStore(KEPT.runCheckpoints.name, KEPT.runCheckpoints.store));
  return {
    // Runs kept by an older LayerLab get the settings added since (their defaults).
    listSummaries: async () =>
      newestFirst((await values<RunSummary>(summaryDb())).map((s) => upgradeKept(s))),
    getSummary: async (id) => upgradeKept(await get<RunSummary>(id, summaryDb())),
    putSummary: (summary) => set(summary.id, summary, summaryDb()),
    getCurveChunks: async (id, from, to) =>
      joinChunks(
        await Promise.all(indices(from, to).map((i) => get<RunCurves>(chunkKey(id, i), curveDb()))),
      ),
    putCurveChunk: (id, index, chunk) => set(chunkKey(id, index), chunk, curveDb()),
    deleteCurveChunk: (id, index) => del(chunkKey(id, index), curveDb()),
    getCheckpoint: (id, step) => get<Checkpoint>(checkpointKey(id, step), checkpointDb()),
    putCheckpoint: (id, checkpoint) =>
      set(checkpointKey(id, checkpoint.step), checkpoint, checkpointDb()),
    deleteCheckpoint: (id, step) => del(checkpointKey(id, step), checkpointDb()),
    // Summary first: a run that is listed always has its curves and checkpoints.
    deleteRun: async (summary) => {
      await del(summary.id, summaryDb());
      for (const i of chunkIndices(summary)) await del(chunkKey(summary.id, i), curveDb());
      for (const { step } of summary.checkpoints)
        await del(checkpointKey(summary.id, step), checkpointDb());
    },
  };
}

/** The same store in memory (tests, and a browser whose IndexedDB is unavailable). */
export function createMemoryRunStore(): RunStore & { bytesHeld(): number } {
  const summaries = new Map<string, RunSummary>();
  const curves = new Map<string, RunCurves>();
  const checkpoints = new Map<string, Checkpoint>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    listSummaries: () => Promise.resolve(newestFirst([...summaries.values()].map(copy))),
    getSummary: (id) => Promise.resolve(copy(summaries.get(id))),
    putSummary: (summary) => Promise.resolve(void summaries.set(summary.id, copy(summary))),
    getCurveChunks: (id, from, to) =>
      Promise.resolve(joinChunks(indices(from, to).map((i) => copy(curves.get(chunkKey(id, i)))))),
    putCurveChunk: (id, index, chunk) =>
      Promise.resolve(void curves.set(chunkKey(id, index), copy(chunk))),
    deleteCurveChunk: (id, index) => Promise.resolve(void curves.delete(chunkKey(id, index))),
    getCheckpoint: (id, step) => Promise.resolve(checkpoints.get(checkpointKey(id, step))),
    putCheckpoint: (id, checkpoint) =>
      Promise.resolve(void checkpoints.set(checkpointKey(id, checkpoint.step), checkpoint)),
    deleteCheckpoint: (id, step) =>
      Promise.resolve(void checkpoints.delete(checkpointKey(id, step))),
    deleteRun: (summary) => {
      summaries.delete(summary.id);
      for (const i of chunkIndices(summary)) curves.delete(chunkKey(summary.id, i));
      for (const { step } of summary.checkpoints)
        checkpoints.delete(checkpointKey(summary.id, step));
      return Promise.resolve();
    },
    bytesHeld: () => [...checkpoints.values()].reduce((sum, c) => sum + c.weightData.byteLength, 0),
  };
}
