import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deferred } from './deferred';

/** The form's code (file readers, the column chooser), loaded after the first paint. */
const UploadForm = deferred(
  () => import('./UploadForm').then((m) => m.UploadForm),
  () => <UploadLoading />,
);

function UploadLoading() {
  const { t } = useTranslation();
  return <p className="hint">{t('upload.intro')}</p>;
}

/**
 * "Use your own data", closed until asked for. The form mounts when the section is first opened
 * and stays mounted, so an import in progress survives closing it.
 */
export function UploadPanel() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="upload"
      data-testid="upload-panel"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{t('upload.summary')}</summary>
      {opened && <UploadForm />}
    </details>
  );
}
