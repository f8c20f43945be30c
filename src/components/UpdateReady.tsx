import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { updateReady } from '../offline/updateReady';

/** "A new version is ready": shown once a new deployment's service worker waits. */
export function UpdateReady() {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(updateReady.subscribe, updateReady.isReady);
  if (!ready) return null;
  return (
    <div className="notice" role="status" data-testid="update-ready">
      <span>{t('update.ready')}</span>
      <button type="button" onClick={() => updateReady.apply()}>
        {t('update.reload')}
      </button>
    </div>
  );
}
