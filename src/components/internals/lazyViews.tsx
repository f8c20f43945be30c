import type { ComponentProps } from 'react';
import { deferred } from '../deferred';
import type * as Views from './views';

/**
 * The internals views, loaded after the first paint (canvas drawing, PCA, the drawing pad: none
 * of it is needed before a view is opened). A view open at start-up shows an empty box of a
 * typical view's height until its code is in.
 */
const load = () => import('./views');
const placeholder = () => <div className="view-loading" data-testid="view-loading" />;

export const ActivationsView = deferred<ComponentProps<typeof Views.ActivationsView>>(
  () => load().then((m) => m.ActivationsView),
  placeholder,
);
export const AttentionView = deferred<ComponentProps<typeof Views.AttentionView>>(
  () => load().then((m) => m.AttentionView),
  placeholder,
);
export const BoundaryView = deferred<ComponentProps<typeof Views.BoundaryView>>(
  () => load().then((m) => m.BoundaryView),
  placeholder,
);
export const ConfusionView = deferred<ComponentProps<typeof Views.ConfusionView>>(
  () => load().then((m) => m.ConfusionView),
  placeholder,
);
export const GenerationView = deferred<ComponentProps<typeof Views.GenerationView>>(
  () => load().then((m) => m.GenerationView),
  placeholder,
);
export const HistogramsView = deferred<ComponentProps<typeof Views.HistogramsView>>(
  () => load().then((m) => m.HistogramsView),
  placeholder,
);
export const ProjectionView = deferred<ComponentProps<typeof Views.ProjectionView>>(
  () => load().then((m) => m.ProjectionView),
  placeholder,
);
