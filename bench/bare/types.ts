/** Messages between the bare benchmark page (main.ts) and its worker (bare.worker.ts). */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/**
 * How each step is run.
 * - `bare`: a layers model, optimizer.minimize on a contiguous slice of a device-resident dataset.
 * - `bare-gather`: as `bare`, but the batch is picked by uploading 32 shuffled indices and
 *   gathering x and y on the device (what LayerLab did before its data moved to CPU memory).
 * - `trainer`: LayerLab's own Trainer.runStep (src/workers/trainer.ts) and builder, in a tight
 *   loop: no session, no yields.
 * - `trainer-yield`: as `trainer`, plus the MessageChannel yield after every step that
 *   LayerLab's session loop does.
 */
export type Variant = 'bare' | 'bare-gather' | 'trainer' | 'trainer-yield';

export interface BareRequest {
  backend: BackendName;
  variant: Variant;
  warmupSteps: number;
  steps: number;
  batchSize: number;
  /** The loss is read back at most this often (LayerLab: 250 ms). */
  readEveryMs: number;
  /** ...and at least every this many steps, which bounds the GPU queue (LayerLab: 64). */
  maxStepsAhead: number;
}

export interface BareResult {
  requested: BackendName;
  /** The backend tfjs ran on; null when the requested one could not be initialised. */
  backend: BackendName | null;
  variant: Variant;
  available: boolean;
  detail: string;
  warmupSteps: number;
  steps: number;
  batchSize: number;
  seconds: number;
  stepsPerSec: number;
  samplesPerSec: number;
  warmupSeconds: number;
  reads: number;
  firstLoss: number;
  lastLoss: number;
}

export type BareEvent =
  | { type: 'progress'; message: string }
  | { type: 'result'; result: BareResult }
  | { type: 'error'; message: string };

export interface BareState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: string | null;
  result: BareResult | null;
  error: string | null;
}
