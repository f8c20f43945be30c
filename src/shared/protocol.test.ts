import { describe, expect, it } from 'vitest';
import {
  assertNever,
  COMMAND_TYPES,
  EVENT_TYPES,
  type Command,
  type WorkerEvent,
} from './protocol';

/** True only when A and B are exactly the same type (not merely assignable one way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when its argument is `true`. */
const assertType = <T extends true>(value: T): T => value;

// Compile-time: the runtime lists name exactly the union members (tsc fails on a missing or extra one).
const commandsMatch = assertType<Equal<(typeof COMMAND_TYPES)[number], Command['type']>>(true);
const eventsMatch = assertType<Equal<(typeof EVENT_TYPES)[number], WorkerEvent['type']>>(true);

// Compile-time again, member by member: a Record over the union needs every key and no other.
const COMMAND_KEYS: Record<Command['type'], true> = {
  start: true,
  pause: true,
  resume: true,
  step: true,
  stop: true,
  reset: true,
  setLearningRate: true,
  setEpochs: true,
  importData: true,
  deleteUserData: true,
  browse: true,
  setProbes: true,
  saveModel: true,
  listModels: true,
  deleteModel: true,
  exportModel: true,
  uploadModel: true,
};
const EVENT_KEYS: Record<WorkerEvent['type'], true> = {
  ready: true,
  phase: true,
  progress: true,
  backend: true,
  dataInfo: true,
  train: true,
  validation: true,
  test: true,
  deviceLost: true,
  imported: true,
  importFailed: true,
  samples: true,
  browseFailed: true,
  probe: true,
  restored: true,
  modelList: true,
  modelSaved: true,
  modelFiles: true,
  modelImported: true,
  modelFailed: true,
};

/** Exhaustive switch: stops compiling when a command is added without a case. */
function describeCommand(command: Command): string {
  switch (command.type) {
    case 'start':
      return `start ${command.request.runId}`;
    case 'pause':
    case 'resume':
    case 'step':
    case 'stop':
    case 'reset':
      return command.type;
    case 'setLearningRate':
      return `lr ${command.learningRate}`;
    case 'setEpochs':
      return `epochs ${command.epochs}`;
    case 'importData':
      return `import ${command.requestId}`;
    case 'deleteUserData':
      return `delete ${command.id}`;
    case 'browse':
      return `browse ${command.requestId}`;
    case 'setProbes':
      return `probes every ${command.settings?.intervalMs ?? '?'} ms`;
    case 'saveModel':
    case 'listModels':
    case 'deleteModel':
    case 'exportModel':
    case 'uploadModel':
      return `${command.type} ${command.requestId}`;
    default:
      return assertNever(command, 'command');
  }
}

describe('protocol', () => {
  it('COMMAND_TYPES and EVENT_TYPES list every union member once', () => {
    expect(commandsMatch && eventsMatch).toBe(true);
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(COMMAND_KEYS).sort());
    expect([...EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_KEYS).sort());
    expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });

  it('an exhaustive switch handles every command type', () => {
    for (const type of COMMAND_TYPES) {
      const command = (
        type === 'start'
          ? { type, request: { runId: 3 } }
          : type === 'setLearningRate'
            ? { type, learningRate: 0.5 }
            : { type }
      ) as Command;
      expect(describeCommand(command)).not.toBe('');
    }
    expect(describeCommand({ type: 'setLearningRate', learningRate: 0.5 })).toBe('lr 0.5');
  });

  it('assertNever throws, naming what was not handled', () => {
    const stray = { type: 'explode' } as unknown as never;
    expect(() => assertNever(stray, 'command')).toThrow('Unhandled command: {"type":"explode"}');
    expect(() => describeCommand({ type: 'explode' } as unknown as Command)).toThrow(
      'Unhandled command',
    );
  });
});
