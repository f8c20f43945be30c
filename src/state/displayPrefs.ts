/**
 * How the page draws, per browser (not part of an experiment: a share link carries the design,
 * not the viewer's eyesight). Kept in localStorage.
 */
import { create } from 'zustand';
import { KEPT } from '../shared/storageKeys';

function readStored(): boolean {
  try {
    return localStorage.getItem(KEPT.classShapes.name) === '1';
  } catch {
    return false; // storage blocked: the default applies
  }
}

interface DisplayPrefs {
  /** Draw each class with its own marker shape as well as its colour (a colour-blind aid). */
  classShapes: boolean;
  setClassShapes(on: boolean): void;
}

export const useDisplayPrefs = create<DisplayPrefs>((set) => ({
  classShapes: typeof localStorage === 'undefined' ? false : readStored(),
  setClassShapes(on) {
    set({ classShapes: on });
    try {
      localStorage.setItem(KEPT.classShapes.name, on ? '1' : '0');
    } catch {
      // Not remembered across reloads; the change still applies.
    }
  },
}));
