/** Chinese for storage.en.ts: the same keys and {{variables}}. */
import type { storageEn } from './storage.en';
import type { Translation } from './translation';

export const storageZhCN: Translation<typeof storageEn> = {
  full: '这个浏览器已没有空间再存放 {{size}}：请删除不再需要的已保存模型、运行记录或上传的数据集，然后重试。没有任何内容被改动。',
  failed: '这个浏览器无法存储它（{{detail}}）。没有任何内容被改动。',
};
