// The model as a graph: the seed CNN's layers as nodes with Keras's counts, a residual block's
// skip edge, a click (or Enter) on a node opening that layer's card, Delete removing a layer,
// a connection dragged onto a merge choosing what it adds in; the spiral MLP drawn neuron by
// neuron with its weights as lines that change as it learns, and each graph node's thumbnail of
// its output; axe finds nothing serious.
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from '../support/axe';
import { expect, openApp, test } from '../support/test';
import { waitForRun } from '../support/training';
import { controls, layerCards, loadPreset, openSection } from '../support/ui';

function graph(page: Page) {
  const root = page.getByTestId('model-graph');
  return {
    root,
    nodes: root.getByTestId('graph-node'),
    node: (id: string) => root.locator(`[data-testid="graph-node"][data-node-id="${id}"]`),
    skipEdges: root.locator('.react-flow__edge.graph-edge-skip'),
  };
}

async function showGraph(page: Page): Promise<ReturnType<typeof graph>> {
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  const g = graph(page);
  await expect(g.nodes.first()).toBeVisible({ timeout: 30_000 });
  return g;
}

/** The centre of an element, for dragging between handles. */
async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the seed CNN as a graph: its layers, Keras’s counts, and a click that opens a card', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'mnist-cnn');
  const g = await showGraph(page);
  await expect(g.nodes, 'the input and the seed CNN’s seven layers').toHaveCount(8);
  await expect(g.node('input').getByTestId('graph-node-shape')).toHaveText('[28, 28, 1]');
  await expect(g.node('l1').getByTestId('graph-node-params')).toHaveText('320');
  await expect(g.node('l6').getByTestId('graph-node-params')).toHaveText('401,536');
  await expect(g.node('l7').getByTestId('graph-node-shape')).toHaveText('[10]');
  await expect(g.root.locator('.react-flow__edge'), 'one edge between each pair').toHaveCount(7);

  await expect(layerCards(page), 'no card until a layer is chosen').toHaveCount(0);
  await g.node('l6').click();
  const card = layerCards(page);
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('aria-label', 'Layer 6: Dense');
  await expect(card, 'the clicked layer’s card has the focus').toBeFocused();
  await expect(g.node('l6')).toHaveClass(/is-selected/);

  // An edit in the card is an edit of the graph.
  await card.getByRole('spinbutton', { name: 'units', exact: true }).fill('64');
  await card.getByRole('spinbutton', { name: 'units', exact: true }).press('Tab');
  await expect(g.node('l6').getByTestId('graph-node-params')).toHaveText('200,768');

  // From the keyboard: Enter on a focused node opens its card.
  await g.root.locator('.react-flow__node[data-id="l3"]').focus();
  await page.keyboard.press('Enter');
  await expect(layerCards(page)).toHaveAttribute('aria-label', 'Layer 3: Conv2D');

  // The choice is remembered: the list view shows every card again, and a reload keeps it.
  await page.getByRole('button', { name: 'Layers', exact: true }).click();
  await expect(layerCards(page)).toHaveCount(7);
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await page.reload();
  await expect(graph(page).nodes).toHaveCount(8, { timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});

test('a residual block’s skip edge; Delete removes a layer; a dragged connection rewires a merge', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'spiral-mlp');
  const g = await showGraph(page);
  await expect(g.nodes).toHaveCount(4);

  // A residual block after the second Dense (16 units, as the block's default width).
  await g.node('l2').click();
  await controls(page).layerKind.selectOption('residualblock');
  await page.getByRole('button', { name: '+ Add Residual block after layer 2' }).click();
  await expect(g.nodes).toHaveCount(5);
  const block = g.nodes.filter({ hasText: 'Residual block' });
  await expect(block.getByTestId('graph-node-params'), 'two Dense(16→16)').toHaveText('544');
  await expect(layerCards(page), 'the new block’s card opens').toHaveAttribute(
    'aria-label',
    'Layer 3: Residual block',
  );
  await expect(g.skipEdges, 'closed, a block is one node').toHaveCount(0);
  await page.getByRole('button', { name: 'Open block 3 to show its layers' }).click();
  await expect(g.root.getByTestId('graph-group')).toBeVisible();
  await expect(g.nodes, 'its two Dense layers, Add and activation').toHaveCount(8);
  await expect(g.skipEdges, 'the skip connection around the block').toHaveCount(1);
  await page.getByRole('button', { name: '3 · Residual block: close' }).click();
  await expect(g.nodes).toHaveCount(5);
  // The canvas shrinks with the closed block, and the view fits it again: no node is left
  // below its edge (a fit for the old size left the block 21 px under it).
  const canvas = g.root.locator('.model-graph-canvas');
  const blockNode = g.root
    .locator('.react-flow__node[data-id]')
    .filter({ hasText: 'Residual block' });
  await expect
    .poll(
      async () => {
        const [c, b] = [await canvas.boundingBox(), await blockNode.boundingBox()];
        return c && b ? c.y + c.height - (b.y + b.height) : -1;
      },
      { message: 'room under the block, in px' },
    )
    .toBeGreaterThanOrEqual(0);

  // Delete removes the selected layer (the block), from the graph and from the design.
  await blockNode.click();
  await page.keyboard.press('Delete');
  await expect(g.nodes).toHaveCount(4);
  await page.getByRole('button', { name: 'Layers', exact: true }).click();
  await expect(layerCards(page)).toHaveCount(3);

  // An Add merge after layer 2 takes its skip from layer 1 (two up); drag the input onto it.
  await controls(page).layerKind.selectOption('add');
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await g.node('l2').click();
  await page.getByRole('button', { name: '+ Add Add after layer 2' }).click();
  const merge = g.nodes.filter({ hasText: 'Add' });
  await expect(g.skipEdges).toHaveCount(1);
  await expect(g.root.locator('.react-flow__edge[data-id="skip:l1->l4"]')).toHaveCount(1);
  const from = await centre(g.node('input').locator('.react-flow__handle-bottom'));
  const to = await centre(merge.locator('.graph-skip-handle'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect(g.root.locator('.react-flow__edge[data-id="skip:input->l4"]')).toHaveCount(1);
  await expect(
    layerCards(page).getByRole('combobox', { name: 'skip from', exact: true }),
    'the card says the same',
  ).toHaveValue('input');
  expect(pageErrors).toEqual([]);
});

test('axe: no serious violations in the graph view', async ({ page, pageErrors }) => {
  await openApp(page);
  await loadPreset(page, 'reverse-transformer');
  const g = await showGraph(page);
  await page.getByRole('button', { name: /^Open block 3/ }).click();
  await expect(g.root.getByTestId('graph-group')).toBeVisible();
  await g.node('l1').click();
  expect(await seriousViolations(page, '[data-area="designer"]')).toEqual([]);
  // What a screen reader hears on a node is LayerLab's text: React Flow's default offers arrow
  // keys to move nodes, which cannot move here.
  const description = page.locator('[id^="react-flow__node-desc"]').first();
  await expect(description).toHaveText(/^Press Enter or Space to select a layer/i);
  expect(pageErrors).toEqual([]);
});

/** Every weight line's key, colour and width in the network picture. */
function weightInks(page: Page): Promise<string[]> {
  return page
    .getByTestId('weight-line')
    .evaluateAll((lines) =>
      lines.map((l) => `${l.getAttribute('stroke')} ${l.getAttribute('stroke-width')}`),
    );
}

test('the spiral MLP as neurons and weights: the lines change as it learns', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'spiral-mlp');
  const ui = controls(page);
  await openSection(page.getByTestId('view-boundary'));
  await ui.step.click();
  const diagram = page.getByTestId('network-diagram');
  await expect(diagram).toBeVisible({ timeout: 60_000 });
  // 2·16 + 16·16 + 16·2 weights, and a map for each of the 32 hidden neurons.
  await expect(diagram.getByTestId('weight-line')).toHaveCount(320);
  await expect(diagram.getByTestId('neuron-map')).toHaveCount(32);
  await waitForRun(page, { phase: 'paused' });
  await page.waitForTimeout(600); // the probe after the step
  const before = await weightInks(page);
  await ui.resume.click();
  await waitForRun(page, { phase: 'done' }, { timeout: 120_000 });
  await page.waitForTimeout(800); // the probe of the trained model
  const after = await weightInks(page);
  const changed = before.filter((ink, i) => ink !== after[i]).length;
  expect(changed, 'weight lines whose colour or width changed').toBeGreaterThan(100);
  await diagram.screenshot({ path: test.info().outputPath('network.png') });
  // In the graph, every node shows what it computes for the chosen sample (the input: the sample).
  const g = await showGraph(page);
  await expect(g.root.getByTestId('graph-thumbnail'), 'a thumbnail on each node').toHaveCount(4);
  await g.root.screenshot({ path: test.info().outputPath('graph-thumbnails.png') });
  expect(pageErrors).toEqual([]);
});
