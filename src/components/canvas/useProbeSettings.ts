/**
 * The internals panel's request to the worker: which views are open, how often to probe, frozen or
 * not, which sample. It lives in the store (other panels, e.g. the dataset browser, pick samples)
 * and is sent whenever it changes; with every view closed it asks for nothing, so it costs nothing.
 */
import { useEffect } from 'react';
import { probes } from '../../bridge/workerBridge';
import { DEFAULT_PROBE_SETTINGS, useStore } from '../../state/store';
import type { ProbeSample, ProbeSettings, ProbeViews } from '../../shared/protocol';

export type ViewName = keyof ProbeViews;

export const NO_VIEWS: ProbeViews = DEFAULT_PROBE_SETTINGS.views;

export const INTERVALS_MS = [100, 250, 500, 1000, 2000] as const;

export interface ProbeControls {
  settings: ProbeSettings;
  setOpen(view: ViewName, open: boolean): void;
  setIntervalMs(ms: number): void;
  setFrozen(frozen: boolean): void;
  setSample(sample: ProbeSample): void;
  setProjectionLayer(id: string | null): void;
}

/** Used once, by the internals panel: it also sends the settings to the worker. */
export function useProbeSettings(): ProbeControls {
  const settings = useStore((s) => s.probeSettings);
  const update = useStore((s) => s.setProbeSettings);
  useEffect(() => probes.set(settings), [settings]);
  // Leaving the page section (unmount) closes every view.
  useEffect(() => () => probes.set({ ...useStore.getState().probeSettings, views: NO_VIEWS }), []);
  return {
    settings,
    setOpen: (view, open) => {
      if (settings.views[view] === open) return;
      // Presentation mode shows one view at a time: opening one closes the others.
      const others =
        useStore.getState().presentation && open ? closedViews(settings.views) : settings.views;
      update({ views: { ...others, [view]: open } });
    },
    setIntervalMs: (intervalMs) => update({ intervalMs }),
    setFrozen: (frozen) => update({ frozen }),
    setSample: (sample) => update({ sample }),
    setProjectionLayer: (projectionLayer) => update({ projectionLayer }),
  };
}

function closedViews(views: ProbeSettings['views']): ProbeSettings['views'] {
  // The graph's thumbnails are not a view of this panel: they stay while the graph is shown.
  return Object.fromEntries(
    Object.keys(views).map((v) => [v, v === 'graph' && views.graph]),
  ) as unknown as ProbeSettings['views'];
}
