/**
 * The recorder's storage writes, one after the other, in the order they were asked for: a later
 * write (a deletion, a summary) can never overtake an earlier one and bring back what it removed.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  /**
   * Runs `write` after every earlier write. The returned promise rejects with its error; the queue
   * reports it once and goes on, so one failed write does not block later ones.
   */
  run(write: () => Promise<void>): Promise<void> {
    const next = this.tail.then(write);
    this.tail = next.catch((error: unknown) => {
      console.error('LayerLab could not store a run:', error);
    });
    return next;
  }

  /** Resolves once every write queued so far has finished (failed ones included). */
  settled(): Promise<void> {
    return this.tail;
  }
}
