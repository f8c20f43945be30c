/**
 * What the training worker and its background-measuring worker say to each other (worker to
 * worker only; the page never sees it). One request, one reply.
 */
import type { BackendReport, StartRequest } from '../../shared/protocol';

/** Time every candidate for `request`'s model (its quick start deferred the GPUs). */
export interface MeasureRequest {
  type: 'measure';
  request: StartRequest;
}

export type MeasureReply =
  { type: 'measured'; report: BackendReport } | { type: 'failed'; error: string };
