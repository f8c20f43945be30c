/** How much each probe cycle looks at: small fixed sizes, so a cycle costs the same every time. */
/** Validation samples scored for the confusion matrix and projected for the PCA view. */
export const CONFUSION_SAMPLES = 512;
export const PROJECTION_SAMPLES = 300;
/** Decision-boundary grid sides: the model's output, and each neuron's mini map. */
export const BOUNDARY_GRID = 48;
export const NEURON_GRID = 20;
export const CURVE_POINTS = 120;
/** Training points drawn over the boundary: the first few hundred (already in random order). */
export const BOUNDARY_POINTS = 400;
