/**
 * Running Debian's system Python (which has torch and numpy; the `python3` on PATH may not) from
 * tests, and finding out whether it can run the exported programs at all.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

/** LAYERLAB_PYTHON points elsewhere (scripts/ensure-test-tools.mjs checks the same program). */
export const SYSTEM_PYTHON = process.env['LAYERLAB_PYTHON'] ?? '/usr/bin/python3';

/** In CI (CI=true), or with LAYERLAB_REQUIRE_TORCH=1, a missing torch is a failure, not a skip. */
export const TORCH_REQUIRED =
  ['true', '1'].includes(process.env['CI'] ?? '') || process.env['LAYERLAB_REQUIRE_TORCH'] === '1';

/** Whether `modules` can be found, without importing them (importing torch takes seconds). */
export function pythonHas(modules: readonly string[]): { ok: boolean; detail: string } {
  const check = `import importlib.util, sys; missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]; print(' '.join(missing)); sys.exit(1 if missing else 0)`;
  const result = spawnSync(SYSTEM_PYTHON, ['-c', check, ...modules], { encoding: 'utf8' });
  if (result.error) return { ok: false, detail: `${SYSTEM_PYTHON}: ${result.error.message}` };
  if (result.status !== 0) {
    return {
      ok: false,
      detail: `${SYSTEM_PYTHON} lacks ${result.stdout.trim() || modules.join(', ')}`,
    };
  }
  return { ok: true, detail: '' };
}

const run = promisify(execFile);

/** Runs the system Python in `cwd`; rejects with its stderr when it fails. */
export async function runPython(
  args: readonly string[],
  cwd: string,
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(SYSTEM_PYTHON, [...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(
      `${SYSTEM_PYTHON} ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`,
      { cause: error },
    );
  }
}
