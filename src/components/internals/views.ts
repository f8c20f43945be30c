// The internals views in one chunk (they share the canvas drawing code), loaded after the first
// paint by lazyViews.tsx.
export { ActivationsView } from './ActivationsView';
export { AttentionView } from './AttentionView';
export { BoundaryView } from './BoundaryView';
export { ConfusionView } from './ConfusionView';
export { GenerationView } from './GenerationView';
export { HistogramsView } from './HistogramsView';
export { ProjectionView } from './ProjectionView';
