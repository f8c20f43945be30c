import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/useMessage';
import { useStore } from '../state/store';

/** A dismissible banner for app-level events: a restarted worker, unreadable saved work. */
export function Notice() {
  const { t } = useTranslation();
  const show = useMessage();
  const notice = useStore((s) => s.notice);
  const setNotice = useStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span>{show(notice)}</span>
      <button
        type="button"
        className="icon"
        aria-label={t('notice.dismiss')}
        onClick={() => setNotice(null)}
      >
        ×
      </button>
    </div>
  );
}
