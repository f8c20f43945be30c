/**
 * tfjs-backend-wasm starts its threads (Web Workers from a Blob) with the *source text* of its
 * Emscripten factory: `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`.
 * The factory reads `_scriptDir`, a variable of the module around it, which the Blob does not
 * have; the original guards it with `typeof`, but a minifier that renames `_scriptDir` also drops
 * the guard (it can see the variable is declared), and every thread dies with "ReferenceError:
 * e is not defined". The script directory is not needed (setWasmPaths gives full URLs, and a
 * Blob's directory is empty anyway), so the factory's two reads are cut out before bundling.
 * The pinned tfjs version is checked: a new one must be looked at again, not patched blindly.
 */
import type { Plugin } from 'vite';

const FILE =
  /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

/** Each read of `_scriptDir` inside the factory, and what replaces it. */
const CUTS: ReadonlyArray<readonly [string, string]> = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  [
    '"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir,',
    '"urlOrBlob":Module["mainScriptUrlOrBlob"],',
  ],
];

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'layerlab:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id)) return null;
      let patched = code;
      for (const [from, to] of CUTS) {
        if (patched.split(from).length !== 2) {
          throw new Error(
            `tfjsWasmThreads: "${from}" is not in ${id} exactly once; this plugin was written for tfjs-backend-wasm 4.22.0.`,
          );
        }
        patched = patched.replace(from, to);
      }
      if (/_scriptDir/.test(patched.slice(patched.indexOf('return (\nfunction(')))) {
        throw new Error(`tfjsWasmThreads: the factory in ${id} still reads _scriptDir.`);
      }
      return { code: patched, map: null };
    },
  };
}
