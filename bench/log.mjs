// The bench's log lines, timed from when the run started.
export const started = Date.now();

export const log = (message) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
