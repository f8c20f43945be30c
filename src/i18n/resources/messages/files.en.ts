/** Reading experiment files, share links, lesson files and classroom URL flags. English; Chinese in files.zh-CN.ts. */
export const filesEn = {};
