/** The run history's requests, answered from the recorder (which owns the stored runs). */
import type { RequestHandlers } from '../commandDispatch';
import type { RunCommand } from '../../shared/protocol';
import type { RunRecorder } from './runRecorder';

export function runHandlers(recorder: RunRecorder): Pick<RequestHandlers, RunCommand['type']> {
  return {
    listRuns: async () => ({ type: 'runList', runs: await recorder.list() }),
    getRunCurves: async ({ id, since }) => ({
      type: 'runCurves',
      id,
      read: await recorder.curvesSince(id, since),
    }),
    updateRun: async ({ id, name, pinned }) => ({
      type: 'runList',
      runs: await recorder.update(id, {
        ...(name !== undefined ? { name } : {}),
        ...(pinned !== undefined ? { pinned } : {}),
      }),
    }),
    deleteRun: async ({ id }) => ({ type: 'runList', runs: await recorder.delete(id) }),
  };
}
