// The first step of `npm test`. Besides Node, the tests drive two programs from Debian: Chromium
// (the end-to-end tests) and Python with PyTorch, numpy and pyflakes (the code-export tests run
// and lint the exported programs). What is missing is installed when this machine lets us (root,
// with apt-get); otherwise we stop at once with the one command to run, rather than let dozens of
// tests fail one by one. `npm run test:quick` needs neither, so it does not run this.
//
// Trying the other paths on a machine that has everything: CHROMIUM_PATH and LAYERLAB_PYTHON point
// the checks at other programs (the tests read the same variables), and --dry-run prints the
// install command instead of running it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PYTHON = process.env.LAYERLAB_PYTHON ?? '/usr/bin/python3';

/** Python modules the export tests import, with the Debian package of each. */
const PYTHON_PACKAGES = [
  ['torch', 'python3-torch'],
  ['numpy', 'python3-numpy'],
  ['pyflakes', 'python3-pyflakes'],
];

/** The Debian packages the tests need and this machine lacks. */
export function missingPackages({ chromium = CHROMIUM, python = PYTHON } = {}) {
  const missing = existsSync(chromium) ? [] : ['chromium'];
  // find_spec finds a module without importing it (importing torch takes seconds).
  const lacking = spawnSync(
    python,
    [
      '-c',
      'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))',
      ...PYTHON_PACKAGES.map(([module]) => module),
    ],
    { encoding: 'utf8' },
  );
  const absent = lacking.status === 0 ? lacking.stdout.split(/\s+/) : null; // null: no Python
  for (const [module, pkg] of PYTHON_PACKAGES) {
    if (absent === null || absent.includes(module)) missing.push(pkg);
  }
  return missing;
}

/**
 * What to do about the missing packages: nothing, install them (as root, with apt-get), or stop
 * with one line that names the command to run.
 */
export function plan(missing, { root, aptGet }) {
  if (missing.length === 0) return { action: 'ready' };
  const packages = missing.join(' ');
  if (root && aptGet) {
    return { action: 'install', command: `apt-get update && apt-get install -y ${packages}` };
  }
  const line = aptGet
    ? `npm test needs ${missing.join(', ')} from Debian. Run: sudo apt-get update && sudo apt-get install -y ${packages}`
    : `npm test needs ${missing.join(', ')} (Debian package names) and this machine has no apt-get: install them, then run npm test again.`;
  return { action: 'stop', line };
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function main() {
  const dryRun = process.argv.includes('--dry-run');
  const missing = missingPackages();
  const next = plan(missing, { root: process.getuid?.() === 0, aptGet: hasAptGet() });
  if (next.action === 'ready') return 0;
  if (next.action === 'stop') {
    console.error(next.line);
    return 1;
  }
  if (dryRun) {
    console.log(`ensure-test-tools: would run: ${next.command}`);
    return 0;
  }
  console.log(`ensure-test-tools: installing ${missing.join(', ')} from Debian`);
  const install = spawnSync('sh', ['-c', next.command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const still = missingPackages();
  if (install.status !== 0 || still.length > 0) {
    console.error(
      `ensure-test-tools: "${next.command}" did not provide ${(still.length > 0 ? still : missing).join(', ')}; see its output above.`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
