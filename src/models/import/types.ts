/**
 * What an import of a Keras / TensorFlow.js model.json gives back. Plain data, so it can cross
 * postMessage between the worker and the page.
 */
import { message, type Message } from '../../shared/messages/message';
import type { MessageKey } from '../../shared/messages/messageKeys';
import type { ModelSpec } from '../spec';

/** One weight of the saved model and where it goes in a model built from the imported spec. */
export interface WeightMapping {
  /** Its name in the weights manifest, e.g. "dense/kernel" (Keras) or "dense_1/kernel" (tfjs). */
  source: string;
  /** Its shape in the manifest. */
  shape: number[];
  /**
   * The name LayerLab's builder gives the same weight (the tfjs variable's originalName, which
   * is what `LayersModel.loadWeights` matches on), e.g. "dense_1/kernel"; null when the imported
   * design has no such weight.
   */
  target: string | null;
  /** The shape LayerLab builds for `target`; null when there is no target or it is unknown. */
  expectedShape: number[] | null;
  /** Why the saved values cannot be loaded into `target` as they are; null when they can. */
  problem: Message | null;
}

export interface ImportedModel {
  ok: true;
  /** The design, one LayerLab layer per Keras layer (a LeakyReLU after a linear layer folds into it). */
  spec: ModelSpec;
  /**
   * One sample's shape, without the batch dimension. null marks a size the model leaves open
   * (Keras `None`), typically the length of a text: the chosen dataset decides it.
   */
  inputShape: (number | null)[];
  /** True when the model starts with an Embedding, so it takes token ids. */
  inputIsTokens: boolean;
  /** What was approximated or dropped, one sentence each. */
  notes: Message[];
  /** Present when the file lists its weights (a weights manifest); null otherwise. */
  weights: WeightMapping[] | null;
}

/**
 * Why nothing could be imported. `message` is the whole explanation; `problems` lists the same
 * findings one by one (each unsupported layer, each broken field) for a UI that shows a list.
 * Named apart from src/data/import's ImportError class, which is about datasets.
 */
export interface ModelImportError {
  ok: false;
  message: Message;
  problems: Message[];
}

export type KerasImportResult = ImportedModel | ModelImportError;

export function importError(message: Message, problems: Message[] = [message]): ModelImportError {
  return { ok: false, message, problems };
}

/**
 * Several Messages as one list (null for none), each pair joined by `key`, a resource with
 * {{first}} and {{second}}: the clauses of a note ("…; …"), the layers of a refusal ("…, …").
 */
export function listOf(messages: readonly Message[], key: MessageKey): Message | null {
  if (messages.length === 0) return null;
  return messages.reduce((first, second) => message(key, { first, second }));
}
