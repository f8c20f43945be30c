import { classColour } from './categorical';

/** Class swatches with their names, in class order. */
export function ClassLegend({
  count,
  names,
}: {
  count: number;
  names?: readonly string[] | undefined;
}) {
  if (count <= 0) return null;
  return (
    <ul className="internals-legend" aria-label="Classes">
      {Array.from({ length: count }, (_, c) => (
        <li key={c}>
          <span className="internals-swatch" style={{ background: classColour(c) }} />
          {names?.[c] ?? `class ${c}`}
        </li>
      ))}
    </ul>
  );
}
