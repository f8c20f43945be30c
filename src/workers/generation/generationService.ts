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
  /** Whether the rewound copy still holds that checkpoint (the timeline may move it, or drop it). */
  stillRewound(view: ProbedRun, step: number): boolean;
}

export function generationHandlers(deps: GenerationDeps) {
  return {
    async generate(command: RequestCommand<'generate'>): Promise<Answer<'generate'>> {
      const run = deps.currentRun();
      if (!run) throwMessage('worker.generateNoModel');
      const { step } = command;
      const target = step === null ? run : await deps.rewound(run, step);
      // The run must still be the current one (not reset or replaced), a rewound copy still at
      // its checkpoint, and a live model not given its best epoch's weights back by early
      // stopping, for each chunk to be written by the weights the first one was.
      const restorations = run.earlyStopper?.restorations ?? 0;
      const stillThere = () =>
        deps.currentRun() === run &&
        (step === null
          ? (run.earlyStopper?.restorations ?? 0) === restorations
          : deps.stillRewound(target, step));
      const result = await writeFromPrompt(target, command.prompt, command.options, stillThere);
      return { type: 'generated', result };
    },
  };
}
