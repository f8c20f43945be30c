/** The i18next namespace of the training options' words (registered by ./register.ts). */
export const TRAINING_NS = 'training';
