/**
 * "Generate from a prompt": the user's text becomes the character model's input window, and the
 * model writes after it with the chosen temperature, top-k and length. Written in chunks, each read
 * back with one await, so training steps and other commands go on between chunks.
 */
import { CHAR_OOV_TEXT, normalizeChars } from '../../data/text/charTokenizer';
import {
  generationProblems,
  GENERATION_LIMITS,
  type GeneratedText,
  type GenerationOptions,
} from '../../shared/generationOptions';
import { throwMessage } from '../../shared/messages/messageError';
import type { ProbedRun } from '../run';
import { uniformsFor } from './sampling';
import { unpackTokens, writeTokens } from './writeTokens';

/** Tokens written per device round trip: a chunk keeps the worker busy for well under a second. */
const CHUNK = 40;

export interface EncodedPrompt {
  /** T ids: the prompt's last T characters, padded in front when it is shorter. */
  window: Float32Array;
  /** The window as text (unknown characters as U+FFFD). */
  shown: string;
  /** The prompt's characters outside the vocabulary, each once. */
  unknown: string[];
}

/**
 * The padding in front of a short prompt: a space or a line break, as text starts after one; else
 * the corpus's most frequent character (id 1; id 0 is the unknown character).
 */
function paddingId(index: ReadonlyMap<string, number>): number {
  return index.get(' ') ?? index.get('\n') ?? 1;
}

/** `tokens` is the corpus vocabulary (id → character, id 0 the unknown character). */
export function encodePrompt(
  prompt: string,
  tokens: readonly string[],
  length: number,
): EncodedPrompt {
  const index = new Map<string, number>();
  tokens.forEach((token, id) => {
    if (id > 0) index.set(token, id);
  });
  const chars = normalizeChars(prompt).slice(-length);
  const unknown = [...new Set(chars.filter((c) => !index.has(c)))];
  const ids = chars.map((c) => index.get(c) ?? 0);
  const pad = paddingId(index);
  const window = new Float32Array(length).fill(pad);
  window.set(ids, length - ids.length);
  const shown = Array.from(window, (id) => (id > 0 ? (tokens[id] ?? '') : CHAR_OOV_TEXT)).join('');
  return { window, shown, unknown };
}

/**
 * Writes after `prompt` with `run`'s model (live or rewound). Throws a MessageError when it cannot,
 * or when `stillThere` says, after a chunk, that the model it began with is gone (a reset, a new
 * run, the timeline moved): the rest would be written by other weights, or by none.
 */
export async function writeFromPrompt(
  run: ProbedRun,
  prompt: string,
  options: GenerationOptions,
  stillThere: () => boolean = () => true,
): Promise<GeneratedText> {
  const info = run.request.datasetInfo;
  const tokens = run.data.tokens;
  if (info.kind !== 'corpus' || !tokens) throwMessage('worker.generateNotLanguageModel');
  if (prompt.length === 0) throwMessage('worker.generateEmptyPrompt');
  if (generationProblems(options).length > 0) throwMessage('worker.generateOptions');
  const step = run.trainer.step;
  const length = info.inputShape[0] ?? 1;
  const encoded = encodePrompt(prompt.slice(-GENERATION_LIMITS.promptCharacters), tokens, length);
  const window = Float32Array.from(encoded.window);
  const written: GeneratedText['tokens'] = [];
  const text = (id: number) => (id > 0 ? (tokens[id] ?? CHAR_OOV_TEXT) : CHAR_OOV_TEXT);
  // One uniform number per position, drawn up front: the text does not depend on the chunking.
  const uniforms = uniformsFor(options.seed, options.length);
  while (written.length < options.length) {
    // Checked before each chunk too: the model may have changed while the caller awaited.
    if (!stillThere()) throwMessage('worker.generateInterrupted');
    const count = Math.min(CHUNK, options.length - written.length);
    const at = uniforms.subarray(written.length, written.length + count);
    const { packed, alternatives } = writeTokens(run.model, window, options, at);
    let values: Float32Array;
    try {
      values = (await packed.data()) as Float32Array;
    } finally {
      packed.dispose();
    }
    if (!stillThere()) throwMessage('worker.generateInterrupted');
    for (const token of unpackTokens(values, alternatives)) {
      // A diverged model: NaN probabilities would write token 0 over and over, shown as "NaN%".
      if (!Number.isFinite(token.probability)) throwMessage('worker.generateNotFinite');
      written.push({
        text: text(token.id),
        probability: token.probability,
        sampledProbability: token.sampledProbability,
        alternatives: token.alternatives.map((a) => ({
          text: text(a.id),
          probability: a.probability,
        })),
      });
      // Slide the window by the written id (on the CPU: the next chunk starts from it).
      window.copyWithin(0, 1);
      window[length - 1] = token.id;
    }
  }
  // A live run may have trained on between chunks: the text spans these steps.
  const endStep = run.trainer.step;
  return {
    window: encoded.shown,
    unknown: encoded.unknown,
    tokens: written,
    step,
    endStep,
    options,
  };
}
