/**
 * A macrotask that is not clamped like setTimeout (which waits ≥ 4 ms once nested): the training
 * loop awaits it after every step so that pause/stop messages run in between steps.
 */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToEvents(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
