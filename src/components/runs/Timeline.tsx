import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runRequests } from '../../bridge/runRequests';
import { useStore } from '../../state/store';

/** How long Play shows each checkpoint. */
const PLAY_MS = 700;

/**
 * Time travel: a slider under the curves over the current run's checkpoints, then "live". Moving
 * it makes every internals view show the model as it was at that step (the worker loads the
 * checkpoint into a copy; training goes on). Play steps through them; "Continue from here" forks
 * a new run there. A native range input, so arrows, Page Up/Down, Home and End work, and screen
 * readers hear the step through aria-valuetext and the live region.
 */
export function Timeline() {
  const { t } = useTranslation();
  const recordId = useStore((s) => s.currentRecord);
  const checkpoints = useStore((s) => s.runHistory.find((run) => run.id === recordId)?.checkpoints);
  const rewind = useStore((s) => s.probeSettings.rewind);
  const setProbeSettings = useStore((s) => s.setProbeSettings);
  const phase = useStore((s) => s.phase);
  const [playing, setPlaying] = useState(false);
  const slider = useRef<HTMLInputElement>(null);
  // "Continue from here" hides the timeline while the fork is prepared; the keyboard's place
  // comes back to the slider when it shows again, not to the page's start.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || !slider.current) return;
    refocus.current = false;
    slider.current.focus();
  });

  const steps = useMemo(
    () => [...(checkpoints ?? [])].sort((a, b) => a.step - b.step),
    [checkpoints],
  );
  const live = steps.length; // the slider's last position
  const index = rewind ? steps.findIndex((c) => c.step === rewind.step) : live;
  const position = index < 0 ? live : index;

  const goTo = (at: number) =>
    setProbeSettings({ rewind: at >= live ? null : { step: steps[at]!.step } });

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (position >= live) setPlaying(false);
      else goTo(position + 1);
    }, PLAY_MS);
    return () => clearTimeout(timer);
  });

  // A checkpoint dropped by the budget, or another run: back to live.
  useEffect(() => {
    if (rewind && index < 0) setProbeSettings({ rewind: null });
  }, [rewind, index, setProbeSettings]);

  if (!recordId || steps.length === 0 || phase === 'preparing') return null;
  const at = steps[position];
  const described = at
    ? t('timeline.atStep', { step: at.step, epoch: at.epoch })
    : t('timeline.live');
  return (
    <div className="timeline" data-testid="timeline">
      <div className="row">
        <label className="field timeline-slider">
          <span className="field-label">{t('timeline.label')}</span>
          <input
            type="range"
            min={0}
            max={live}
            step={1}
            value={position}
            aria-valuetext={described}
            data-testid="timeline-slider"
            ref={slider}
            onChange={(e) => {
              setPlaying(false);
              goTo(Number(e.target.value));
            }}
          />
        </label>
        <button
          type="button"
          data-testid="timeline-play"
          onClick={() => {
            if (!playing && position >= live) goTo(0);
            setPlaying(!playing);
          }}
        >
          {playing ? t('timeline.pause') : t('timeline.play')}
        </button>
        <button
          type="button"
          data-testid="timeline-live"
          disabled={!rewind}
          onClick={() => {
            setPlaying(false);
            goTo(live);
            // The button disables itself: the keyboard's place moves to the slider, not the page.
            slider.current?.focus();
          }}
        >
          {t('timeline.backToLive')}
        </button>
        {rewind && at && (
          <button
            type="button"
            data-testid="timeline-continue"
            onClick={() => {
              setPlaying(false);
              refocus.current = true;
              runRequests.continueFrom(recordId, at.step);
            }}
          >
            {t('timeline.continueHere')}
          </button>
        )}
      </div>
      <p className="hint" aria-live="polite" data-testid="timeline-status">
        {rewind ? t('timeline.showing', { label: described }) : t('timeline.showingLive')}
      </p>
    </div>
  );
}
