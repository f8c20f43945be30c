/**
 * Loading something (a preset, a lesson, a file, a link, a saved model, a run's design) replaces
 * the work on screen. Work the user made is first put in the recent list, so it is one click
 * away afterwards; a built-in preset as it ships is not (the presets menu has it already).
 */
import { PRESETS } from '../models/presets';
import type { Experiment } from '../shared/experiment';
import { pageStorage } from './pageStorage';
import { readRecent, rememberExperiment, sameWork, type Work } from './recentExperiments';

/** Whether `work` is a preset exactly as it ships. */
function isUntouchedPreset(work: Work): boolean {
  return PRESETS.some((preset) => sameWork(preset, work));
}

/**
 * Puts `current` in the recent list when loading `next` would lose it; says whether it did.
 * Nothing is kept when the two are the same work or `current` is an untouched preset.
 */
export function keepReplacedWork(current: Experiment, next: Work): boolean {
  if (sameWork(current, next) || isUntouchedPreset(current)) return false;
  const storage = pageStorage();
  rememberExperiment(storage, current);
  // Kept only if the list reads it back (a full storage refuses the write; a design the list
  // cannot read would be dropped): the notice must not promise what is not there.
  return readRecent(storage).some((entry) => sameWork(entry.experiment, current));
}
