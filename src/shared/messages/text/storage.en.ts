/**
 * Why the browser would not keep a saved model or an uploaded dataset (src/workers/storageFailure.ts).
 * Shown only after the user keeps something, so the page adds this group after its first paint
 * (lateMessages.ts). English; Chinese in storage.zh-CN.ts.
 */
export const storageEn = {
  /** The browser refused for lack of room; {{size}}: "3.4 MB". */
  full: 'This browser has no room left for {{size}} more: delete saved models, runs or uploaded datasets you no longer need, then try again. Nothing was changed.',
  /** Any other refusal to store; {{detail}}: the browser's own words. */
  failed: 'This browser could not store it ({{detail}}). Nothing was changed.',
};
