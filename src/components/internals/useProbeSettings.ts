/**
 * The internals panel's request to the worker: which views are open, how often to probe, frozen or
 * not, which sample. Sent whenever it changes; a closed panel asks for nothing, so it costs nothing.
 */
import { useEffect, useMemo, useState } from 'react';
import { probes } from '../../bridge/workerBridge';
import type { ProbeSample, ProbeSettings, ProbeViews } from '../../workers/protocol';

export type ViewName = keyof ProbeViews;

export const NO_VIEWS: ProbeViews = {
  activations: false,
  attention: false,
  boundary: false,
  confusion: false,
  histograms: false,
  projection: false,
};

export const INTERVALS_MS = [100, 250, 500, 1000, 2000] as const;

export interface ProbeControls {
  settings: ProbeSettings;
  setOpen(view: ViewName, open: boolean): void;
  setIntervalMs(ms: number): void;
  setFrozen(frozen: boolean): void;
  setSample(sample: ProbeSample): void;
  setProjectionLayer(id: string | null): void;
}

export function useProbeSettings(): ProbeControls {
  const [views, setViews] = useState<ProbeViews>(NO_VIEWS);
  const [intervalMs, setIntervalMs] = useState(250);
  const [frozen, setFrozen] = useState(false);
  const [sample, setSample] = useState<ProbeSample>({ kind: 'validation', index: 0 });
  const [projectionLayer, setProjectionLayer] = useState<string | null>(null);
  const settings = useMemo(
    () => ({ views, intervalMs, frozen, sample, projectionLayer }),
    [views, intervalMs, frozen, sample, projectionLayer],
  );
  useEffect(() => probes.set(settings), [settings]);
  // Leaving the page section (unmount) closes every view.
  useEffect(() => () => probes.set({ ...settings, views: NO_VIEWS }), []); // eslint-disable-line react-hooks/exhaustive-deps
  return {
    settings,
    setOpen: (view, open) => setViews((v) => (v[view] === open ? v : { ...v, [view]: open })),
    setIntervalMs,
    setFrozen,
    setSample,
    setProjectionLayer,
  };
}
