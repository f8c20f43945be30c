/** The training worker: backends, progress, training and probe errors, saved-model requests (src/workers). English; Chinese in worker.zh-CN.ts. */
export const workerEn = {};
