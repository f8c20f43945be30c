/**
 * The contract of a layer converter: one Keras layer (plus what is known about its input) in,
 * one LayerLab layer out, or the reason it cannot be imported.
 */
import { message, type Message } from '../../../shared/messages/message';
import type { LayerSpec } from '../../spec';
import type { KerasLayer } from '../kerasLayer';

export interface ConvertContext {
  /** The id the new LayerLab layer gets. */
  id: string;
  /** Merges: the LayerLab id (or 'input') of the second input; null for other layers. */
  from: string | null;
  /** Merges: Keras lists the earlier layer first, the layer above second. */
  earlierFirst: boolean;
  /** Rank of the input without the batch dimension; null when an earlier layer failed. */
  rank: number | null;
  /** The exact input shape, when every size is known (worked out on demand). */
  shape(): readonly number[] | null;
}

export type Converted =
  { ok: true; layer: LayerSpec; notes: Message[] } | { ok: false; reason: Message | null };

export type Converter = (layer: KerasLayer, ctx: ConvertContext) => Converted;

export const converted = (layer: LayerSpec, notes: Message[] = []): Converted => ({
  ok: true,
  layer,
  notes,
});

/** `reason` (modelImport.refused.*) completes "Conv2D: …"; null when the class name says it all. */
export const refused = (reason: Message | null): Converted => ({ ok: false, reason });

/** Refused for want of a config field (or of either of two): 'it has no "units"'. */
export const missing = (first: string, second?: string): Converted =>
  refused(
    second === undefined
      ? message('modelImport.refused.noField', { field: first })
      : message('modelImport.refused.noFields', { first, second }),
  );
