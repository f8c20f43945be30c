/** Model-level and training-setting problems and warnings (src/models/analyze.ts). English; Chinese in analysis.zh-CN.ts. */
export const analysisEn = {};
