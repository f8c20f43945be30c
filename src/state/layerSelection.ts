/**
 * Which layer the user is working on, shared by the layer list and the graph so both show the
 * same one: focusing a card selects its layer, clicking a graph node selects it and opens its
 * card. Not persisted: it is where the user's attention is, not part of the design.
 */
import { create } from 'zustand';

interface LayerSelection {
  selected: string | null;
  /** Bumped on each request to move focus to the selected layer's card (a graph click). */
  focusRequest: number;
  select(id: string | null): void;
  /** Selects a layer and asks its card to take focus. */
  openCard(id: string): void;
}

export const useLayerSelection = create<LayerSelection>((set) => ({
  selected: null,
  focusRequest: 0,
  select: (id) => set({ selected: id }),
  openCard: (id) => set(({ focusRequest }) => ({ selected: id, focusRequest: focusRequest + 1 })),
}));
