/**
 * "Generate from a prompt" through the bridge: one request, answered by the worker with what the
 * character model wrote and how likely it found each character.
 */
import type { GeneratedText, GenerationOptions } from '../shared/generationOptions';
import { request } from './workerBridge';

export const generationRequests = {
  /** Writes after `prompt`; `step` is the rewound checkpoint the views show, or null (live). */
  async generate(
    prompt: string,
    options: GenerationOptions,
    step: number | null,
  ): Promise<GeneratedText> {
    return (await request('generate', { prompt, options, step })).result;
  },
};
