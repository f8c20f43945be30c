/**
 * What every internals view declares (see ../README.md): the part of a ProbeResult it fills, which
 * open views need it, its device half (what to read back, packed into the cycle's one readback)
 * and its CPU half (the typed arrays the UI takes, cut from that readback).
 */
import type * as tf from '@tensorflow/tfjs';
import type { DatasetInfo } from '../../../data/datasets';
import type { ProbeResult, ProbeSettings, ProbeViews } from '../../../shared/protocol';
import type { Split } from '../../batches';
import type { ProbedRun } from '../../run';
import type { Packer } from '../packer';
import type { ProbeModels } from '../probeModels';

/** The parts of a probe result, one per view file. */
export type ProbePart = Exclude<keyof ProbeResult, 'step' | 'rewound' | 'samplesFrom'>;

/** What part `K` holds when it is present. */
export type PartOf<K extends ProbePart> = NonNullable<ProbeResult[K]>;

/** What one probe cycle looks at, on the device and on the CPU alike. */
export interface ProbeCycle {
  run: ProbedRun;
  settings: ProbeSettings;
  info: DatasetInfo;
  inputShape: number[];
  /** Input values per sample (the product of inputShape). */
  perSample: number;
  /** The validation split, or the training split when there is none. */
  validation: Split;
  step: number;
  batchSize: number;
  /** Axis labels: the dataset's vocabulary (texts, corpora) or its symbols (sequence tasks). */
  tokens: string[] | null;
}

/** The chosen sample and the probe model's outputs for it (see probeModels' index lists). */
export interface SampleForward {
  x: Float32Array;
  /** Its index in the validation split; null for a sample the user made. */
  index: number | null;
  outputs: tf.Tensor[];
}

/** The device half's view of a cycle: inside its tf.tidy, with the packer it adds readbacks to. */
export interface DeviceCycle extends ProbeCycle {
  models: ProbeModels;
  packer: Packer;
  /** The sample's forward pass, run once per cycle by the first view that asks; null: no sample. */
  sample(): SampleForward | null;
}

/**
 * One view file's entry. `Packed` is what the device half hands the CPU half (the slots it packed,
 * and anything else it learned); only the cycle passes it between the two, so the registry may
 * forget it (`ProbeView<K>`).
 */
export interface ProbeView<K extends ProbePart, Packed = unknown> {
  part: K;
  /** Whether the open views need this part: only then does the cycle compute it. */
  wanted(views: ProbeViews): boolean;
  /** Inside the cycle's tf.tidy: adds tensors to `cycle.packer`; null when there is nothing to show. */
  compute(cycle: DeviceCycle): Packed | null;
  /** After the one readback, on the CPU: the part, or null to leave it out. */
  unpack(flat: Float32Array, packed: Packed, cycle: ProbeCycle): PartOf<K> | null;
}
