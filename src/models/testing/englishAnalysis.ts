/**
 * analyzeModel with every Message rendered in English, for tests that read the problems' words
 * (the shapes and names in them are what the tests check).
 */
import { englishText } from '../../shared/messages/englishText';
import type { Message } from '../../shared/messages/message';
import { analyzeModel, type LayerAnalysis, type ModelAnalysis } from '../analyze';

type English<T> = T extends Message ? string : T extends null ? null : T;

export interface EnglishLayerAnalysis extends Omit<LayerAnalysis, 'problem' | 'warning'> {
  problem: string | null;
  warning: string | null;
}

export interface EnglishAnalysis extends Omit<
  ModelAnalysis,
  'layers' | 'modelProblems' | 'settingProblems' | 'warnings' | 'blockingReason'
> {
  layers: EnglishLayerAnalysis[];
  modelProblems: string[];
  settingProblems: { [K in keyof ModelAnalysis['settingProblems']]: English<Message> };
  warnings: string[];
  blockingReason: string | null;
}

const text = (m: Message | null): string | null => (m === null ? null : englishText(m));

export function inEnglish(a: ModelAnalysis): EnglishAnalysis {
  return {
    ...a,
    layers: a.layers.map((l) => ({ ...l, problem: text(l.problem), warning: text(l.warning) })),
    modelProblems: a.modelProblems.map(englishText),
    settingProblems: Object.fromEntries(
      Object.entries(a.settingProblems).map(([k, m]) => [k, englishText(m)]),
    ),
    warnings: a.warnings.map(englishText),
    blockingReason: text(a.blockingReason),
  };
}

/** analyzeModel, in English. */
export function analyzeInEnglish(...args: Parameters<typeof analyzeModel>): EnglishAnalysis {
  return inEnglish(analyzeModel(...args));
}
