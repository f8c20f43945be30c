import type { ReactNode } from 'react';
import type { ProbeControls, ViewName } from '../canvas/useProbeSettings';

interface Props {
  view: ViewName;
  title: string;
  /** One sentence on what the view shows and what to look for. */
  hint: string;
  controls: ProbeControls;
  children: ReactNode;
}

/** A collapsible view: opening it asks the worker for its data; closed, it costs nothing. */
export function ViewSection({ view, title, hint, controls, children }: Props) {
  const open = controls.settings.views[view];
  return (
    <details
      className="view-section"
      data-testid={`view-${view}`}
      open={open}
      onToggle={(e) => controls.setOpen(view, e.currentTarget.open)}
    >
      <summary>{title}</summary>
      {open && (
        <div className="view-body">
          <p className="hint">{hint}</p>
          {children}
        </div>
      )}
    </details>
  );
}
