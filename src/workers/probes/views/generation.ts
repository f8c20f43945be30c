/** Character language models: text the model writes, continuing a window of real text. */
import { cut, type Slot } from '../packer';
import {
  decodeCharacters,
  GENERATED_CHARACTERS,
  GENERATION_TEMPERATURE,
  sampleCharacters,
} from '../generateText';
import type { ProbeView } from './types';

interface Packed {
  /** The window of real text the generated characters continue. */
  prompt: Float32Array;
  text: Slot;
}

export const generation: ProbeView<'generation', Packed> = {
  part: 'generation',
  wanted: (views) => views.generation,
  compute({ info, validation, step, perSample, run, packer }) {
    if (info.kind !== 'corpus' || validation.data.count === 0) return null;
    // A different window of real text each cycle, so the samples do not all start alike.
    const pick = step % validation.data.count;
    const prompt = validation.data.x.slice(pick * perSample, (pick + 1) * perSample);
    const ids = sampleCharacters(
      run.model,
      prompt,
      GENERATED_CHARACTERS,
      GENERATION_TEMPERATURE,
      step,
    );
    return { prompt, text: packer.add(ids) };
  },
  unpack: (flat, { prompt, text }, { tokens }) =>
    tokens
      ? {
          prompt: decodeCharacters(prompt, tokens),
          text: decodeCharacters(cut(flat, text), tokens),
          temperature: GENERATION_TEMPERATURE,
        }
      : null,
};
