/**
 * The WASM backend's binaries as files of this build (Vite copies them next to the worker's chunk
 * and gives their addresses relative to it), so they come from the app's own origin and folder,
 * and the service worker precaches them with the rest of the app (`*.wasm` in vite.config.ts).
 */
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmFiles } from './wasmBackend';

export const WASM_FILES: WasmFiles = { plain, simd, threadedSimd };
