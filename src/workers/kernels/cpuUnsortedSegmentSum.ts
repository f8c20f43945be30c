/**
 * A linear-time UnsortedSegmentSum for the tfjs CPU backend.
 *
 * Why: tfjs computes the gradient of gather (and so of every Embedding) with UnsortedSegmentSum,
 * and its CPU kernel runs several small ops per segment: for the seeds' Embedding(10000, 16) that
 * is ~50,000 kernel calls per training step, about 20 s per step on a laptop CPU. This kernel
 * makes one pass over the data instead (out[segmentIds[i]] += x[i]), so a CPU-only school laptop
 * can train the text classifier. WebGL and WebGPU have their own shaders and are not touched.
 */
import * as tf from '@tensorflow/tfjs';

interface CpuBackendLike {
  data: { get(dataId: object): { values: ArrayLike<number> } };
  makeTensorInfo(
    shape: number[],
    dtype: tf.DataType,
    values: Float32Array | Int32Array,
  ): tf.TensorInfo;
}

export function unsortedSegmentSum({
  inputs,
  backend,
  attrs,
}: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const cpu = backend as CpuBackendLike;
  const x = inputs.x as tf.TensorInfo;
  const segmentIds = inputs.segmentIds as tf.TensorInfo;
  const numSegments = Number(attrs?.numSegments);
  const values = cpu.data.get(x.dataId).values;
  const ids = cpu.data.get(segmentIds.dataId).values;
  // x: [...segmentIds.shape, ...inner]; each segment id owns one inner block of x.
  const inner = x.shape.slice(segmentIds.shape.length).reduce((a, b) => a * b, 1);
  const out =
    x.dtype === 'int32'
      ? new Int32Array(numSegments * inner)
      : new Float32Array(numSegments * inner);
  for (let i = 0; i < ids.length; i++) {
    const segment = ids[i] ?? -1;
    // Out-of-range ids are dropped, as TensorFlow does.
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let k = 0; k < inner; k++) out[to + k] = (out[to + k] ?? 0) + (values[from + k] ?? 0);
  }
  return cpu.makeTensorInfo([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype, out);
}

let installed = false;

/** Replaces the CPU backend's UnsortedSegmentSum once per thread (idempotent). */
export function installCpuKernels(): void {
  if (installed) return;
  installed = true;
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: unsortedSegmentSum,
  });
}
