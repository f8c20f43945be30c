import type { RunSummary } from '../../shared/runs/runTypes';

/**
 * One colour per run, fixed when the run starts (RunSummary.colour), so a run keeps its colour in
 * every chart. Ten colours readable on white, distinct for common colour-vision deficiencies
 * (Okabe–Ito first, then darker tones).
 */
const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
  '#8c564b',
  '#7f3c8d',
  '#3969ac',
];

export const runColour = (run: Pick<RunSummary, 'colour'>): string =>
  PALETTE[run.colour % PALETTE.length]!;
