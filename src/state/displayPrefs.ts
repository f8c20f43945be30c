/**
 * How the page draws, per browser (not part of an experiment: a share link carries the design,
 * not the viewer's eyesight). Kept in localStorage.
 */
import { create } from 'zustand';
import { KEPT } from '../shared/storageKeys';

function readStored(name: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(name);
  } catch {
    return null; // storage blocked: the default applies
  }
}

function store(name: string, value: string): void {
  try {
    localStorage.setItem(name, value);
  } catch {
    // Not remembered across reloads; the change still applies.
  }
}

/** The designer as a list of layer cards, or as a graph with the chosen layer's card below. */
export type DesignerView = 'list' | 'graph';

interface DisplayPrefs {
  /** Draw each class with its own marker shape as well as its colour (a colour-blind aid). */
  classShapes: boolean;
  setClassShapes(on: boolean): void;
  designerView: DesignerView;
  setDesignerView(view: DesignerView): void;
}

export const useDisplayPrefs = create<DisplayPrefs>((set) => ({
  classShapes: readStored(KEPT.classShapes.name) === '1',
  setClassShapes(on) {
    set({ classShapes: on });
    store(KEPT.classShapes.name, on ? '1' : '0');
  },
  designerView: readStored(KEPT.designerView.name) === 'graph' ? 'graph' : 'list',
  setDesignerView(view) {
    set({ designerView: view });
    store(KEPT.designerView.name, view);
  },
}));
