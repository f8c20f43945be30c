/** Chinese for messages.en.ts: the same keys and {{variables}}. */
import { analysisZhCN } from './analysis.zh-CN';
import { dataZhCN } from './data.zh-CN';
import { dataImportZhCN } from './dataImport.zh-CN';
import { filesZhCN } from './files.zh-CN';
import { layersZhCN } from './layers.zh-CN';
import { modelImportZhCN } from './modelImport.zh-CN';
import { noticesZhCN } from './notices.zh-CN';
import { storageZhCN } from './storage.zh-CN';
import { workerZhCN } from './worker.zh-CN';
import type { messagesEn } from './messages.en';
import type { Translation } from './translation';

export const messagesZhCN: Translation<typeof messagesEn> = {
  common: {
    verbatim: '{{text}}',
    joined: '{{first}}{{second}}',
    listed: '{{first}}、{{second}}',
    inLanguage: '{{zh}}',
  },
  analysis: analysisZhCN,
  layers: layersZhCN,
  worker: workerZhCN,
  data: dataZhCN,
  notices: noticesZhCN,
  files: filesZhCN,
  modelImport: modelImportZhCN,
  dataImport: dataImportZhCN,
  storage: storageZhCN,
};
