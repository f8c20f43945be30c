/**
 * The request/answer typing, checked by the compiler (`tsc` fails when a line here stops holding):
 * each request resolves with exactly its answer, and a handler cannot answer with another event.
 * The switches themselves are exercised by src/bridge/workerBridge.test.ts and
 * src/workers/commandDispatch.test.ts.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { request } from '../bridge/workerBridge';
import type { RequestHandlers } from '../workers/commandDispatch';
import type { AnswerEvent, Command, RequestBody, RequestType, WorkerEvent } from './protocol';

type EventOf<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;
/** What the bridge's `request` resolves with for a command type. */
type Resolves<T extends RequestType> = Awaited<ReturnType<typeof request<T>>>;

/** Compile only when the handler may answer its command (see the @ts-expect-error lines). */
const browseHandler = (handler: RequestHandlers['browse']) => handler;
const deleteHandler = (handler: RequestHandlers['deleteModel']) => handler;

describe('protocol types', () => {
  it('every command that carries a request id has an answer type, and no other command', () => {
    expectTypeOf<RequestType>().toEqualTypeOf<Extract<Command, { requestId: number }>['type']>();
    expectTypeOf<AnswerEvent>().toMatchTypeOf<{ requestId: number }>();
  });

  it('a request resolves with exactly its command’s answer', () => {
    expectTypeOf<Resolves<'browse'>>().toEqualTypeOf<EventOf<'samples'>>();
    expectTypeOf<Resolves<'deleteModel'>>().toEqualTypeOf<EventOf<'modelList'>>();
    expectTypeOf<Resolves<'uploadModel'>>().toEqualTypeOf<
      EventOf<'modelSaved'> | EventOf<'modelImported'>
    >();
    expectTypeOf<Resolves<'listModels'>>().not.toHaveProperty('page');
    expectTypeOf<RequestBody<'deleteModel'>>().toEqualTypeOf<{ id: string }>();
  });

  it('a handler cannot answer with another command’s event, nor with `failed`', () => {
    browseHandler(async () => ({ type: 'samples', page: {} as EventOf<'samples'>['page'] }));
    // @ts-expect-error: browse is answered with a page of samples, never with a model list
    browseHandler(async () => ({ type: 'modelList', entries: [] }));
    // @ts-expect-error: a failure is thrown (the dispatch posts `failed`), not returned
    deleteHandler(async () => ({ type: 'failed', message: { key: 'worker.savedModelGone' } }));
  });
});
