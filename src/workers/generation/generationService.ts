/**
 * The worker's handler for "generate from a prompt": it writes with the current run's model, or
 * with the checkpoint copy the rewound views show.
 */
import { throwMessage } from '../../shared/messages/messageError';
import type { Answer } from '../commandDispatch';
import type { ProbedRun, Run } from '../run';
import { writeFromPrompt } from './promptWriter';
import type { RequestCommand } from '../../shared/protocol';

export interface GenerationDeps {
  currentRun(): Run | null;
  /** The run's model as it was at a checkpoint (the Rewinder the views use). */
  rewound(run: Run, step: number): Promise<ProbedRun>;
}

export function generationHandlers(deps: GenerationDeps) {
  return {
    async generate(command: RequestCommand<'generate'>): Promise<Answer<'generate'>> {
      const run = deps.currentRun();
      if (!run) throwMessage('worker.generateNoModel');
      const target = command.step === null ? run : await deps.rewound(run, command.step);
      const result = await writeFromPrompt(target, command.prompt, command.options);
      return { type: 'generated', result };
    },
  };
}
