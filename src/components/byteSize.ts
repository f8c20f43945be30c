import type { TFunction } from 'i18next';
import type { NumberFormats } from '../i18n/format';

/** A size as people read it: "4.2 KB" under a megabyte, "10.6 MB" above, in the page's language. */
export function describeSize(bytes: number, t: TFunction, format: NumberFormats): string {
  return bytes < 2 ** 20
    ? t('savedModel.kilobytes', { value: format.decimal(bytes / 1024, 1) })
    : t('savedModel.megabytes', { value: format.decimal(bytes / 2 ** 20, 1) });
}
