/**
 * How much of the browser's storage runs may use, and what goes first when they would use more.
 * Within a run: the checkpoint whose loss leaves the smallest hole in the timeline (relative to
 * its step) goes first, so dense late epoch ends thin out before the early log-spaced steps;
 * step 0 and the newest checkpoint always stay. Across runs: the oldest unpinned runs go first,
 * never a pinned run or the one training now.
 */

const MB = 1024 * 1024;

export interface RunStorageBudget {
  /** Most bytes one run's checkpoints may take. 20 MB keeps the MNIST MLP's every checkpoint. */
  perRunBytes: number;
  /** Most bytes all runs together may take: 200 MB, which a school laptop's browser can spare. */
  totalBytes: number;
}

export const DEFAULT_RUN_STORAGE_BUDGET: RunStorageBudget = {
  perRunBytes: 20 * MB,
  totalBytes: 200 * MB,
};

export interface CheckpointSize {
  step: number;
  bytes: number;
}

export type CheckpointFit =
  /** Keep the incoming checkpoint after deleting these steps (possibly none). */
  | { fits: true; drop: number[] }
  /** One checkpoint alone is over the run's budget: the run keeps its curves but no more weights. */
  | { fits: false; drop: [] };

/**
 * Which kept checkpoints (sorted by step) to delete so that they and `incoming` fit in `perRunBytes`.
 */
export function fitCheckpoint(
  kept: readonly CheckpointSize[],
  incoming: CheckpointSize,
  perRunBytes: number,
): CheckpointFit {
  const first = kept[0];
  const fixedBytes = incoming.bytes + (first?.bytes ?? 0);
  if (incoming.bytes > perRunBytes || fixedBytes > perRunBytes) return { fits: false, drop: [] };
  const remaining = [...kept, incoming];
  let total = remaining.reduce((sum, c) => sum + c.bytes, 0);
  const drop: number[] = [];
  while (total > perRunBytes) {
    // Candidates: everything between the first checkpoint and the incoming one.
    let best = -1;
    let bestHole = Infinity;
    for (let i = 1; i < remaining.length - 1; i++) {
      const hole =
        (remaining[i + 1]!.step - remaining[i - 1]!.step) / Math.max(remaining[i]!.step, 1);
      if (hole < bestHole) {
        bestHole = hole;
        best = i;
      }
    }
    if (best < 0) return { fits: false, drop: [] };
    const [removed] = remaining.splice(best, 1);
    total -= removed!.bytes;
    drop.push(removed!.step);
  }
  return { fits: true, drop: drop.sort((a, b) => a - b) };
}

export interface RunSize {
  id: string;
  /** When the run started (ms since 1970): older goes first. */
  createdAt: number;
  pinned: boolean;
  bytes: number;
}

export interface Eviction {
  /** Runs to delete, oldest first. */
  evict: string[];
  /** False when even deleting every unpinned run would not make room. */
  fits: boolean;
}

/** Which runs to delete so that `incomingBytes` more fit in `totalBytes`; `protect`ed runs stay. */
export function planEviction(
  runs: readonly RunSize[],
  incomingBytes: number,
  totalBytes: number,
  protect: ReadonlySet<string> = new Set(),
): Eviction {
  let total = runs.reduce((sum, run) => sum + run.bytes, 0) + incomingBytes;
  const candidates = runs
    .filter((run) => !run.pinned && !protect.has(run.id))
    .sort((a, b) => a.createdAt - b.createdAt);
  const evict: string[] = [];
  for (const run of candidates) {
    if (total <= totalBytes) break;
    evict.push(run.id);
    total -= run.bytes;
  }
  return { evict, fits: total <= totalBytes };
}
