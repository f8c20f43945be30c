/**
 * What the training worker and its background-measuring worker say to each other (worker to
 * worker only; the page never sees it). One request, one reply.
 */
import type { BackendReport, StartRequest } from '../../shared/protocol';
import type { BackendDecision } from './backendChoice';

/** Time every candidate for `request`'s model (the quick start `decision` deferred its GPUs). */
export interface MeasureRequest {
  type: 'measure';
  request: StartRequest;
  decision: BackendDecision;
}

export type MeasureReply =
  { type: 'measured'; report: BackendReport } | { type: 'failed'; error: string };
