// How busy the machine is, and how much of it is not this benchmark (Linux /proc only).
// On a 2-core machine shared with other work, a compiler or test run elsewhere changes training
// throughput by a factor of two, so the bench waits for a quiet machine and records interference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const HZ = 100; // USER_HZ: /proc times are in 1/100 s on Linux
const PROC = existsSync('/proc/stat');

function systemBusyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return user + nice + system + irq + softirq + (steal || 0);
}

/** `read()`, or null when the process or thread has exited meanwhile. */
function tryRead(read) {
  try {
    return read();
  } catch {
    return null;
  }
}

function readStat(path) {
  const stat = tryRead(() => readFileSync(path, 'utf8'));
  if (stat === null) return null;
  // After "pid (comm) ": state ppid … utime(11) stime(12) cutime(13) cstime(14).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(f[1]),
    own: Number(f[11]) + Number(f[12]),
    children: Number(f[13]) + Number(f[14]),
  };
}

function chromiumType(pid) {
  const cmdline = tryRead(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ?? '';
  return /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? null;
}

/**
 * CPU ticks of `root` and all its descendants (including children that have exited), and of the
 * Chromium parts that matter here: renderer main threads (the page), dedicated-worker threads
 * (training), other renderer threads (compositor, GC, compilers) and the GPU process (SwiftShader).
 */
function treeTicks(root) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(`/proc/${name}/stat`);
    if (stat) procs.set(Number(name), stat);
  }
  const children = new Map();
  for (const [pid, p] of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  let total = 0;
  const parts = { pageMain: 0, worker: 0, rendererOther: 0, gpuProcess: 0 };
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    const p = procs.get(pid);
    stack.push(...(children.get(pid) ?? []));
    if (!p) continue;
    total += p.own + p.children;
    const type = pid === root ? null : chromiumType(pid);
    if (type === 'gpu-process') parts.gpuProcess += p.own;
    if (type !== 'renderer') continue;
    for (const tid of tryRead(() => readdirSync(`/proc/${pid}/task`)) ?? []) {
      const t = readStat(`/proc/${pid}/task/${tid}/stat`);
      const comm = tryRead(() => readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8'));
      if (!t || comm === null) continue;
      if (Number(tid) === pid) parts.pageMain += t.own;
      else if (comm.startsWith('DedicatedWorker')) parts.worker += t.own;
      else parts.rendererOther += t.own;
    }
  }
  return { total, parts };
}

export function snapshot() {
  if (!PROC) return { t: performance.now(), busy: NaN, ours: NaN, parts: {} };
  const { total, parts } = treeTicks(process.pid);
  return { t: performance.now(), busy: systemBusyTicks(), ours: total, parts };
}

/** Average cores kept busy between two snapshots: in all, by this bench, by everything else. */
export function usage(a, b) {
  const seconds = (b.t - a.t) / 1000;
  const busy = (b.busy - a.busy) / HZ / seconds;
  const ours = (b.ours - a.ours) / HZ / seconds;
  const round = (x) => Math.round(x * 100) / 100;
  const parts = Object.fromEntries(
    Object.keys(b.parts).map((k) => [k, round((b.parts[k] - (a.parts[k] ?? 0)) / HZ / seconds)]),
  );
  return {
    seconds: round(seconds),
    busyCores: round(busy),
    ourCores: round(ours),
    otherCores: round(Math.max(0, busy - ours)),
    /** Cores kept busy by each part of Chromium (see treeTicks). */
    parts,
    /** CPU milliseconds used by this bench and by each part, for per-step costs. */
    ourMs: (b.ours - a.ours) * (1000 / HZ),
    partMs: Object.fromEntries(
      Object.keys(b.parts).map((k) => [k, (b.parts[k] - (a.parts[k] ?? 0)) * (1000 / HZ)]),
    ),
  };
}

/**
 * Waits (at most `maxMs`) until the rest of the machine is nearly idle: other processes kept
 * less than `threshold` cores busy over the last second. Returns how long it waited and the last
 * reading.
 */
export async function waitForQuiet({ maxMs = 30_000, threshold = 0.15 } = {}) {
  const start = performance.now();
  if (!PROC) return { waitedSeconds: 0, otherCores: NaN, quiet: false };
  for (;;) {
    const a = snapshot();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const last = usage(a, snapshot());
    const waited = performance.now() - start;
    if (last.otherCores < threshold || waited >= maxMs) {
      return {
        waitedSeconds: Math.round(waited / 100) / 10,
        otherCores: last.otherCores,
        quiet: last.otherCores < threshold,
      };
    }
  }
}

export const CORES = os.cpus().length;

/** CPU milliseconds per training step: all of Chromium and by part (see cpu.mjs). */
export function perStep(cpu, steps) {
  if (!cpu || !(steps > 0) || !Number.isFinite(cpu.ourMs)) return null;
  const parts = Object.fromEntries(
    Object.entries(cpu.partMs).map(([k, ms]) => [k, Math.round((ms / steps) * 10) / 10]),
  );
  const known = Object.values(cpu.partMs).reduce((a, b) => a + b, 0);
  return {
    total: Math.round((cpu.ourMs / steps) * 10) / 10,
    ...parts,
    rest: Math.round(((cpu.ourMs - known) / steps) * 10) / 10,
  };
}
