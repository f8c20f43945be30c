// (c) The PyTorch reference row: the same MLP, batch and data on the CPU with one thread
// (bench/torch/mnist_mlp.py, Debian's python3-torch). Null, with the reason, where torch is missing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BATCH, ROOT } from '../config.mjs';
import { waitForQuiet } from '../cpu.mjs';

const run = promisify(execFile);
/** Debian's interpreter, which has python3-torch; a pyenv `python3` earlier on PATH may not. */
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

export async function measureTorch() {
  await waitForQuiet({ maxMs: 15_000 });
  try {
    const { stdout } = await run(
      PYTHON,
      [join(ROOT, 'bench/torch/mnist_mlp.py'), '--batch', String(BATCH)],
      { timeout: 10 * 60_000 },
    );
    return { available: true, ...JSON.parse(stdout.trim().split('\n').at(-1)) };
  } catch (error) {
    return {
      available: false,
      detail: String(error.stderr || error.message)
        .trim()
        .slice(-300),
    };
  }
}
