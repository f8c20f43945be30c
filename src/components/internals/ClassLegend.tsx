import { useTranslation } from 'react-i18next';
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
  if (count <= 0) return null;
  return (
    <ul className="internals-legend" aria-label={t('views.classes')}>
      {Array.from({ length: count }, (_, c) => (
        <li key={c}>
          <span className="internals-swatch" style={{ background: classColour(c) }} />
          {names?.[c] ?? t('views.classN', { index: c })}
        </li>
      ))}
    </ul>
  );
}
