/**
 * The worker's one switch over the UI's commands: session commands go to the TrainingSession, the
 * internals views' needs to the probe scheduler, and each request to its handler, whose answer (or
 * failure, as `failed`) is posted back under the request's id. training.worker.ts gives it the
 * real parts; tests give it fakes.
 */
import { toMessage } from '../shared/messages/messageError';
import {
  assertNever,
  type AnswerEvent,
  type Command,
  type ProbeSettings,
  type RequestCommand,
  type RequestType,
  type SessionCommand,
  type WorkerEvent,
} from '../shared/protocol';

/** Omit over each member of a union (plain Omit would merge the members). */
type OmitEach<U, K extends PropertyKey> = U extends unknown ? Omit<U, K> : never;

/** A request's answer as its handler gives it; the request's id is added when it is posted. */
export type Answer<T extends RequestType = RequestType> = OmitEach<AnswerEvent<T>, 'requestId'>;

/**
 * One handler per request command. Each can only answer with its command's event (protocol's
 * AnswerTypes); a failure is thrown (a MessageError names the problem) and posted as `failed`.
 */
export type RequestHandlers = {
  [T in RequestType]: (command: RequestCommand<T>) => Promise<Answer<T>>;
};

export type Post = (event: WorkerEvent, transfer?: Transferable[]) => void;

export interface WorkerParts {
  session: { handle(command: SessionCommand): Promise<void> };
  probes: { update(settings: ProbeSettings): void };
  deleteUserData(id: string): Promise<void>;
  /** "Measure again": the backend decisions remembered on this machine are dropped. */
  forgetBackendChoices(): Promise<void>;
  requests: RequestHandlers;
}

/** The worker's message handler: every command type has its case (the compiler checks). */
export function createDispatch(parts: WorkerParts, post: Post): (command: Command) => void {
  return (command) => {
    switch (command.type) {
      case 'importData':
      case 'browse':
      case 'saveModel':
      case 'listModels':
      case 'deleteModel':
      case 'exportModel':
      case 'uploadModel':
      case 'listRuns':
      case 'getRunCurves':
      case 'updateRun':
      case 'deleteRun':
      case 'generate':
        answerRequest(command, parts.requests, post);
        return;
      case 'deleteUserData':
        void parts.deleteUserData(command.id).catch(() => undefined);
        return;
      case 'setProbes':
        parts.probes.update(command.settings);
        return;
      case 'forgetBackendChoices':
        void parts.forgetBackendChoices().catch(() => undefined);
        return;
      case 'start':
      case 'pause':
      case 'resume':
      case 'step':
      case 'stop':
      case 'reset':
      case 'setLearningRate':
      case 'setEpochs':
        parts.session.handle(command).catch((error: unknown) => {
          post({ type: 'phase', runId: -1, phase: 'error', message: toMessage(error) });
        });
        return;
      default:
        assertNever(command, 'command');
    }
  };
}

/** Posts the handler's answer with the request's id, or `failed` with what went wrong. */
function answerRequest(command: RequestCommand, requests: RequestHandlers, post: Post): void {
  const { requestId } = command;
  // The handler of the command's own type (TypeScript cannot pair a union's members with a map's).
  const handler = requests[command.type] as (command: RequestCommand) => Promise<Answer>;
  // The executor turns a handler that throws before its first await into a rejection too.
  void new Promise<Answer>((resolve) => resolve(handler(command)))
    .then((answer) => {
      const event: AnswerEvent = { ...answer, requestId };
      post(event, transferables(event));
    })
    .catch((error: unknown) => post({ type: 'failed', requestId, message: toMessage(error) }));
}

/** Buffers copied out for the UI move instead of being cloned: a page's samples, a model's files. */
function transferables(event: AnswerEvent): Transferable[] {
  switch (event.type) {
    case 'samples': {
      const { x, y, raw } = event.page;
      return raw ? [x.buffer, y.buffer, raw.buffer] : [x.buffer, y.buffer];
    }
    case 'modelFiles':
      return event.files.map((f) => f.bytes);
    case 'imported':
    case 'modelList':
    case 'modelSaved':
    case 'modelImported':
    case 'runList':
    case 'runCurves':
    case 'generated':
      return [];
    default:
      return assertNever(event, 'answer');
  }
}
