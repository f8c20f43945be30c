import { useTranslation } from 'react-i18next';
import { useDisplayPrefs } from '../state/displayPrefs';

/** The colour-blind aid: classes drawn with shapes as well as colours, kept in this browser. */
export function ClassShapesToggle() {
  const { t } = useTranslation();
  const on = useDisplayPrefs((s) => s.classShapes);
  const setOn = useDisplayPrefs((s) => s.setClassShapes);
  return (
    <label className="class-shapes-toggle" title={t('display.classShapesHint')}>
      <input
        type="checkbox"
        checked={on}
        data-testid="class-shapes-toggle"
        aria-describedby="class-shapes-hint"
        onChange={(e) => setOn(e.target.checked)}
      />
      {t('display.classShapes')}
      <span id="class-shapes-hint" className="sr-only">
        {t('display.classShapesHint')}
      </span>
    </label>
  );
}
