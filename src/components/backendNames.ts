import type { BackendName } from '../models/trainingConfig';

/** How each tfjs backend is written for people (its id is lower case: "webgpu", "wasm"). */
export const BACKEND_NAMES: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** A stored backend id as written for people; an id this version does not know, as it is. */
export function backendName(id: string): string {
  return (BACKEND_NAMES as Readonly<Record<string, string | undefined>>)[id] ?? id;
}
