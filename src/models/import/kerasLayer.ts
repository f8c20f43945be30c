/**
 * One entry of a Keras model's layer list, read into a checked shape: its name, class, config
 * and the tensors each of its calls (Keras "nodes") takes. Understands both ways Keras writes
 * those links: Keras 2 / tfjs `[[["dense", 0, 0, {}]]]` and Keras 3
 * `[{ args: [{ class_name: "__keras_tensor__", config: { keras_history: ["dense", 0, 0] } }], kwargs: {} }]`.
 */
import { message, type Message } from '../../shared/messages/message';
import { describeValue, isObject, type JsonObject } from './json';

/** An output of a layer call: `layer`'s call number `node`, output number `tensor`. */
export interface TensorRef {
  layer: string;
  node: number;
  tensor: number;
}

export interface KerasLayer {
  name: string;
  className: string;
  config: JsonObject;
  /** One list of input tensors per call; empty for InputLayer and for Sequential entries. */
  nodes: TensorRef[][];
  /** Keras 3 keeps the shape a layer was built on beside its config ({ input_shape }). */
  buildConfig: JsonObject | null;
}

/**
 * `position` (from 1) names the entry in messages ("layer 3"); `linked` says whether
 * inbound_nodes matter. A Message says why the entry cannot be read.
 */
export function readLayerEntry(
  entry: unknown,
  position: number,
  linked: boolean,
): KerasLayer | Message {
  if (!isObject(entry)) {
    return message('modelImport.entryNotObject', { position, found: describeValue(entry) });
  }
  const config = entry['config'] ?? {};
  const configName = isObject(config) ? config['name'] : undefined;
  const name = entry['name'] ?? configName;
  const className = entry['class_name'];
  if (typeof className !== 'string') {
    return typeof name === 'string'
      ? message('modelImport.entryNoClassNameNamed', { position, name })
      : message('modelImport.entryNoClassName', { position });
  }
  if (!isObject(config)) {
    return message('modelImport.entryConfigNotObject', {
      position,
      className,
      found: describeValue(config),
    });
  }
  if (typeof name !== 'string' || name === '') {
    if (linked) return message('modelImport.entryNoName', { position, className });
  }
  // A Sequential entry without a name is called by its place; the name only shows in messages.
  const layerName =
    typeof name === 'string' && name !== '' ? name : `layer ${position} (${className})`;
  const buildConfig = isObject(entry['build_config']) ? entry['build_config'] : null;
  if (!linked) return { name: layerName, className, config, nodes: [], buildConfig };

  const inbound = entry['inbound_nodes'] ?? [];
  if (!Array.isArray(inbound)) {
    return message('modelImport.inboundNotList', {
      name: layerName,
      found: describeValue(inbound),
    });
  }
  const nodes: TensorRef[][] = [];
  for (const node of inbound) {
    const refs: TensorRef[] = [];
    if (!collectRefs(node, refs)) {
      return message('modelImport.inboundEntryNotLinks', { name: layerName });
    }
    nodes.push(refs);
  }
  return { name: layerName, className, config, nodes, buildConfig };
}

/** ["dense", 0, 0] or ["dense", 0, 0, {kwargs}]: a Keras 2 link. */
function asLegacyRef(value: unknown): TensorRef | null {
  if (!Array.isArray(value) || value.length < 3 || value.length > 4) return null;
  const [layer, node, tensor] = value as unknown[];
  if (typeof layer !== 'string' || !Number.isInteger(node) || !Number.isInteger(tensor)) {
    return null;
  }
  return { layer, node: node as number, tensor: tensor as number };
}

/**
 * The tensor links of one call. Keras 2 / tfjs write the call as a list of links; Keras 3 as a
 * record { args, kwargs } whose tensors may sit at any depth (a merge's inputs are a list inside
 * `args`, attention's value is in `kwargs`). Returns false when the call is neither.
 */
function collectRefs(node: unknown, into: TensorRef[]): boolean {
  if (Array.isArray(node)) {
    return node.every((item) => {
      const ref = asLegacyRef(item);
      if (!ref) return false;
      into.push(ref);
      // A link may carry call kwargs (e.g. attention's `value`), which may link more tensors.
      const kwargs = (item as unknown[])[3];
      if (isObject(kwargs)) Object.values(kwargs).forEach((v) => collectNested(v, into));
      return true;
    });
  }
  if (isObject(node) && 'args' in node) {
    collectNested(node, into);
    return true;
  }
  return false;
}

/** Links anywhere inside call arguments; plain values (training=False, None) are skipped. */
function collectNested(value: unknown, into: TensorRef[]): void {
  if (Array.isArray(value)) {
    const ref = asLegacyRef(value);
    if (ref) into.push(ref);
    else value.forEach((v) => collectNested(v, into));
  } else if (isObject(value)) {
    const history =
      value['class_name'] === '__keras_tensor__' && isObject(value['config'])
        ? asLegacyRef(value['config']['keras_history'])
        : null;
    if (history) into.push(history);
    else Object.values(value).forEach((v) => collectNested(v, into));
  }
}
