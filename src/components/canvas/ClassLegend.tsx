import { useTranslation } from 'react-i18next';
import { useDisplayPrefs } from '../../state/displayPrefs';
import { classShape, MARKER_GLYPHS } from '../markers';
import { classColour } from './categorical';

/** Class swatches with their names, in class order. */
export function ClassLegend({
  count,
  names,
}: {
  count: number;
  names?: readonly string[] | undefined;
}) {
  const { t } = useTranslation();
  const shapes = useDisplayPrefs((s) => s.classShapes);
  if (count <= 0) return null;
  return (
    <ul className="internals-legend" aria-label={t('views.classes')}>
      {Array.from({ length: count }, (_, c) => (
        <li key={c}>
          {shapes ? (
            <span className="internals-glyph" style={{ color: classColour(c) }} aria-hidden="true">
              {MARKER_GLYPHS[classShape(c, true)]}
            </span>
          ) : (
            <span className="internals-swatch" style={{ background: classColour(c) }} />
          )}
          {names?.[c] ?? t('views.classN', { index: c })}
        </li>
      ))}
    </ul>
  );
}
