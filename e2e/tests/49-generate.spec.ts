// Generate from a prompt: after one step of the character LSTM, the learner's own text is
// continued. Temperature 0 is greedy decoding, so it writes the same text twice, and top-1 at any
// temperature writes it too; each written character tells its probability on hover; a character
// the corpus never had is named. The live sample's passage of validation text is a prompt in one
// press.
import { seriousViolations } from '../support/axe';
import { waitForRun } from '../support/training';
import { expect, openApp, test } from '../support/test';
import {
  controls,
  layerCards,
  layerControls,
  loadPreset,
  openSection,
  typeInto,
} from '../support/ui';

test('write from a prompt: greedy is repeatable, top-1 is greedy, probabilities on hover', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await loadPreset(page, 'char-lstm');
  const ui = controls(page);
  // A bigram model (the LSTM taken out: Embedding → Dense) on the CPU, without the backend
  // trials: quick on any machine, and a character model all the same.
  await layerControls(layerCards(page).nth(1)).remove.click();
  await expect(layerCards(page)).toHaveCount(2);
  await ui.backend.selectOption('cpu');
  await typeInto(ui.batchSize, '16');
  await openSection(page.getByTestId('view-generation'));
  const generator = page.getByTestId('prompt-generator');
  await expect(generator).toBeVisible({ timeout: 30_000 });
  const generate = generator.getByRole('button', { name: 'Generate', exact: true });
  await expect(generate, 'nothing to write with before a step').toBeDisabled();

  await ui.step.click();
  await waitForRun(page, (run) => run.phase === 'paused' && run.step >= 1, { timeout: 120_000 });
  const prompt = generator.getByRole('textbox', { name: 'Your prompt' });
  // One press puts the validation passage the live sample continues into the prompt.
  const livePassage = page.getByTestId('generated-text').locator('.generated-prompt');
  await expect(livePassage).not.toBeEmpty({ timeout: 60_000 });
  const passage = (await livePassage.textContent()) ?? '';
  await generator.getByRole('button', { name: 'Start from the passage above' }).click();
  await expect(prompt).toHaveValue(passage);
  await prompt.fill('It is a truth universally acknowledged');
  await typeInto(generator.getByRole('spinbutton', { name: 'Temperature', exact: true }), '0');
  await typeInto(generator.getByRole('spinbutton', { name: 'Characters', exact: true }), '30');
  await generate.click();
  const output = generator.getByTestId('prompt-output');
  const tokens = output.getByTestId('written-token');
  await expect(tokens).toHaveCount(30, { timeout: 60_000 });
  // The model read the prompt's last characters (its window is 32).
  await expect(output.locator('.generated-prompt')).toHaveText(/universally acknowledged$/);
  const greedy = (await tokens.allTextContents()).join('');

  await generate.click();
  await expect(generate).toBeEnabled({ timeout: 60_000 });
  expect((await tokens.allTextContents()).join(''), 'temperature 0 is repeatable').toBe(greedy);

  await typeInto(generator.getByRole('spinbutton', { name: 'Temperature', exact: true }), '1.5');
  await typeInto(generator.getByRole('spinbutton', { name: 'Top-k (0 = all)', exact: true }), '1');
  await generate.click();
  await expect(generate).toBeEnabled({ timeout: 60_000 });
  expect((await tokens.allTextContents()).join(''), 'top-1 is greedy').toBe(greedy);

  // Hover: the character's probability and the likeliest ones.
  await tokens.nth(3).hover();
  await expect(generator.getByTestId('token-detail')).toContainText('the model gave it');
  await expect(generator.getByTestId('token-detail')).toContainText('drawn with 100%');
  // From the keyboard: one tab stop, the arrow keys move along the characters.
  // The mouse pointing elsewhere does not move the keyboard's place.
  await tokens.nth(3).focus();
  await tokens.nth(10).hover();
  await page.keyboard.press('ArrowRight');
  await expect(tokens.nth(4)).toBeFocused();
  await expect(tokens.nth(4)).toHaveAttribute('tabindex', '0');
  await expect(tokens.nth(3)).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(tokens.nth(29)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tokens.nth(0)).toBeFocused();
  await expect(generator.getByRole('listbox', { name: `Written text: ${greedy}` })).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="prompt-generator"]'), 'axe').toEqual([]);

  // A character Pride and Prejudice never had is read as unknown, and named.
  await prompt.fill('Price: 5 €');
  // From the keyboard, the button keeps the focus while the model writes.
  await generate.focus();
  await page.keyboard.press('Enter');
  await expect(generator.getByTestId('prompt-unknown')).toContainText('€');
  await expect(generate).toBeFocused();
  await generator.screenshot({ path: test.info().outputPath('prompt.png') });
  expect(pageErrors).toEqual([]);
});
