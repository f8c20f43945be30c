/** Notices about the app itself set by the store and the bridge (src/state/store.ts, src/bridge). English; Chinese in notices.zh-CN.ts. */
export const noticesEn = {};
