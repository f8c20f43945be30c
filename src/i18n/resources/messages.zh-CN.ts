/** Chinese for messages.en.ts: the same keys and {{variables}}. */
import { analysisZhCN } from './messages/analysis.zh-CN';
import { dataZhCN } from './messages/data.zh-CN';
import { filesZhCN } from './messages/files.zh-CN';
import { layersZhCN } from './messages/layers.zh-CN';
import { modelImportZhCN } from './messages/modelImport.zh-CN';
import { noticesZhCN } from './messages/notices.zh-CN';
import { workerZhCN } from './messages/worker.zh-CN';
import type { messagesEn } from './messages.en';
import type { Translation } from './types';

export const messagesZhCN: Translation<typeof messagesEn> = {
  common: {
    verbatim: '{{text}}',
    joined: '{{first}}{{second}}',
  },
  analysis: analysisZhCN,
  layers: layersZhCN,
  worker: workerZhCN,
  data: dataZhCN,
  notices: noticesZhCN,
  files: filesZhCN,
  modelImport: modelImportZhCN,
};
