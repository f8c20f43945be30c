/**
 * The runs other tabs of LayerLab store, read in as they change. Each tab's worker says on a
 * BroadcastChannel (runBroadcast.ts) when it stored a change; the others read the summaries again,
 * at most every REFRESH_MS, and tell their page. A run another tab trains is watched with its Web
 * Lock (runLocks.ts), since a tab that closes says nothing: when the lock comes free, the run was
 * cut short.
 */
import type { RunSummary } from '../../shared/runs/runTypes';
import type { LiveRun } from './liveRun';
import type { RunBroadcast } from './runBroadcast';
import type { RunLocks } from './runLocks';
import type { RunStore } from './runStore';

/** The most often another tab's changes are read in (they come about once a second a run). */
export const REFRESH_MS = 500;

export interface OtherTabsHost {
  store: RunStore;
  locks: RunLocks | null;
  broadcast: RunBroadcast | null;
  /** Reads the stored runs in (through `merge`); true when this tab's list changed. */
  readIn(): Promise<boolean>;
  /** Sends the page the list after a change. */
  announce(): Promise<void>;
}

/** What `merge` needs of the runs this tab records. */
export interface RecordedHere {
  recordedHere(): readonly LiveRun[];
  /** Stops recording a run (deleted in another tab). */
  letGo(live: LiveRun): void;
}

export class OtherTabs {
  /** One read at a time, and one more if news came meanwhile. */
  private refreshing = false;
  private refreshAgain = false;
  /** Runs deleted in this tab: a read of the store that began before the deletion keeps them out. */
  private readonly deletedHere = new Set<string>();
  /** Runs another tab records, each watched until its tab lets go of it (closed or crashed). */
  private readonly watched = new Set<string>();

  constructor(private readonly host: OtherTabsHost) {
    host.broadcast?.listen(() => this.refreshSoon());
  }

  /** Tells the other tabs that this one stored a change. */
  changed(): void {
    this.host.broadcast?.changed();
  }

  /** A run this tab deleted (kept out of every later read). */
  deleted(id: string): void {
    this.deletedHere.add(id);
  }

  /**
   * A run stored as live was cut short by a reload or a crashed worker, unless another tab holds
   * its lock: that tab is training it, and its run is watched until the tab lets go. A run already
   * watched is known to be held, with no wait.
   */
  async markCutShort(stored: RunSummary[]): Promise<void> {
    const { locks } = this.host;
    await Promise.all(
      stored.map(async (run) => {
        if (run.status !== 'live' || this.watched.has(run.id)) return;
        if (await locks?.heldElsewhere(run.id).catch(() => false)) this.watch(run.id);
        else run.status = 'interrupted';
      }),
    );
  }

  /**
   * The stored summaries read into `runs`: the runs this tab records stay as they are here (the
   * freshest copy), the others take what is stored when it is newer (merged into the same objects,
   * which an operation under way may hold), and runs deleted elsewhere go. True when `runs` changed.
   */
  async merge(runs: Map<string, RunSummary>, here: RecordedHere): Promise<boolean> {
    const stored = (await this.host.store.listSummaries()).filter(
      (run) => !this.deletedHere.has(run.id),
    );
    const recordedHere = () => new Set(here.recordedHere().map((l) => l.summary.id));
    await this.markCutShort(stored.filter((run) => !recordedHere().has(run.id)));
    const mine = recordedHere();
    const storedIds = new Set(stored.map((run) => run.id));
    let changed = false;
    for (const [id, run] of runs) {
      if (storedIds.has(id) || this.deletedHere.has(id)) continue;
      const live = here.recordedHere().find((l) => l.summary.id === id);
      // Still training here, its first write maybe not stored yet: kept.
      if (live && run.status === 'live') continue;
      // Deleted in another tab (a run this tab had finished, or never recorded): gone here too,
      // and no later write of this tab brings part of it back.
      if (live) here.letGo(live);
      runs.delete(id);
      changed = true;
    }
    for (const run of stored) {
      if (mine.has(run.id) || this.deletedHere.has(run.id)) continue;
      const known = runs.get(run.id);
      if (!known) runs.set(run.id, run);
      // Older or the same as what this tab holds (it may have written it a moment ago): kept,
      // except that a run whose tab went is now known to be cut short.
      else if ((run.revision ?? 0) > (known.revision ?? 0)) Object.assign(known, run);
      else if (run.status === 'interrupted' && known.status === 'live') known.status = run.status;
      else continue;
      changed = true;
    }
    return changed;
  }

  /** When another tab lets go of `runId` (it ended the run, or closed), the list is read again. */
  private watch(runId: string): void {
    const { locks } = this.host;
    if (!locks || this.watched.has(runId)) return;
    this.watched.add(runId);
    void locks
      .whenFree(runId)
      .catch(() => undefined)
      .then(() => {
        this.watched.delete(runId);
        this.refreshSoon();
      });
  }

  /** Another tab changed the stored runs: read them in, at most every REFRESH_MS. */
  private refreshSoon(): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    void (async () => {
      do {
        this.refreshAgain = false;
        try {
          if (await this.host.readIn()) await this.host.announce();
        } catch (error) {
          console.error("LayerLab could not read another tab's runs:", error);
        }
        await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
      } while (this.refreshAgain);
      this.refreshing = false;
    })();
  }
}
