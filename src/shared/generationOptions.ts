/**
 * Writing from a prompt with a character language model: the options the user sets, their
 * defaults and limits. Page and worker both read them (the worker checks what it is sent).
 */
export interface GenerationOptions {
  /**
   * Divides the log-probabilities before sampling: below 1 favours likely characters, above 1
   * surprising ones; 0 always takes the likeliest (greedy, argmax decoding). Default 0.8.
   */
  temperature: number;
  /** Sample only among the k likeliest characters; 0 = among all. Default 0. */
  topK: number;
  /** Characters to write. Default 120. */
  length: number;
  /**
   * Seeds the sampling: the same prompt, options and seed write the same text on any backend.
   * Default 1; the page moves it on at each Generate, so each press draws anew.
   */
  seed: number;
}

export const DEFAULT_GENERATION: GenerationOptions = {
  temperature: 0.8,
  topK: 0,
  length: 120,
  seed: 1,
};

export const GENERATION_LIMITS = {
  temperature: { min: 0, max: 3 },
  topK: { min: 0, max: 1000 },
  length: { min: 1, max: 400 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  /** Longer prompts are cut to their end: the model reads only its window anyway. */
  promptCharacters: 2000,
} as const;

/** The problems of a set of options (field names), empty when they are usable. */
export function generationProblems(options: GenerationOptions): (keyof GenerationOptions)[] {
  const problems: (keyof GenerationOptions)[] = [];
  const { temperature, topK, length } = GENERATION_LIMITS;
  const within = (v: number, r: { min: number; max: number }) =>
    Number.isFinite(v) && v >= r.min && v <= r.max;
  if (!within(options.temperature, temperature)) problems.push('temperature');
  if (!Number.isInteger(options.topK) || !within(options.topK, topK)) problems.push('topK');
  if (!Number.isInteger(options.length) || !within(options.length, length)) problems.push('length');
  if (!Number.isInteger(options.seed) || !within(options.seed, GENERATION_LIMITS.seed)) {
    problems.push('seed');
  }
  return problems;
}

/** One written character, with how likely the model found it and what else it considered. */
export interface WrittenToken {
  text: string;
  /** The model's own probability of this character (temperature 1, no top-k). */
  probability: number;
  /** Its probability in the distribution it was drawn from (after temperature and top-k). */
  sampledProbability: number;
  /** The model's likeliest characters at this point, most likely first. */
  alternatives: { text: string; probability: number }[];
}

export interface GeneratedText {
  /** The prompt as the model read it: its last window, padded with spaces in front if short. */
  window: string;
  /** The prompt's characters the corpus never had (read as the unknown character). */
  unknown: string[];
  tokens: WrittenToken[];
  /** The step of the weights that began it (a rewound checkpoint's, or the live model's). */
  step: number;
  /** The step when it was done: later than `step` when the live model trained on meanwhile. */
  endStep: number;
  options: GenerationOptions;
}
