// A short Chromium trace of the page's main thread while training runs on: each task over 50 ms
// of wall time with the CPU time the thread actually had during it. A long task with little CPU
// time is one the thread spent waiting for a core (on this 2-core machine, the software GPU's
// threads and the training worker take them), not one the page's own code made long.

const LONG_MS = 50;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Traces `seconds` of the page and returns its main thread's long tasks: wall and CPU ms. */
export async function traceLongTasks(browser, page, seconds) {
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.waitForTimeout(seconds * 1000);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'RunTask' &&
        mainThreads.has(`${e.pid}:${e.tid}`) &&
        e.dur > LONG_MS * 1000,
    )
    .map((e) => ({ wallMs: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000 }));
  return {
    seconds,
    longTasks: tasks.length,
    // Tasks that would be long even with a core to themselves: the page's own work.
    cpuLongTasks: tasks.filter((t) => t.cpuMs > LONG_MS).length,
    longestCpuMs: Math.round(Math.max(0, ...tasks.map((t) => t.cpuMs))),
    cpuShare: tasks.length
      ? tasks.reduce((s, t) => s + t.cpuMs, 0) / tasks.reduce((s, t) => s + t.wallMs, 0)
      : null,
  };
}
