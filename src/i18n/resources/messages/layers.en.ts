/** Layer shape rules and field checks (src/models/inferStack.ts, src/models/layerTypes). English; Chinese in layers.zh-CN.ts. */
export const layersEn = {};
