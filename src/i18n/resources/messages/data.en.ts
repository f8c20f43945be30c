/** Loading, tokenising and importing datasets (src/data, src/workers/datasetLoader.ts and friends). English; Chinese in data.zh-CN.ts. */
export const dataEn = {};
