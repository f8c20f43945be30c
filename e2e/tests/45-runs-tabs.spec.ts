// Two tabs of LayerLab share one run history. A run training in the first tab is left alone by a
// second one (listed as live, not reopened, not evicted) and followed there as it moves on; once
// the first tab is gone, the second finds the run cut short and reopens it at its last checkpoint.
import { expect, openApp, recordErrors, test } from '../support/test';
import { readRun, trainAndWait, waitForRun } from '../support/training';
import { controls, typeInto } from '../support/ui';

test('a run training in one tab is left alone by a second tab, and reopened once it closes', async ({
  page,
  context,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const ui = controls(page);
  await ui.backend.selectOption('cpu');
  await typeInto(ui.epochs, '500');
  await trainAndWait(page, { step: 30 });

  const second = await context.newPage();
  recordErrors(second, pageErrors);
  await openApp(second);
  const rows = second.getByTestId('run-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.first(), 'training in the other tab').toHaveAttribute('data-status', 'live');
  await expect(second.getByTestId('phase')).toHaveAttribute('data-phase', 'idle');
  // The first tab trained on meanwhile, and the second tab's list follows it.
  const before = (await readRun(page)).step;
  await waitForRun(page, (run) => run.phase === 'training' && run.step > before);
  const steps = rows.first().getByTestId('run-steps');
  const listedThen = await steps.textContent();
  await expect(steps, 'the other tab’s run moves on in this list').not.toHaveText(
    listedThen ?? '',
    { timeout: 20_000 },
  );

  // The first tab goes (its lock with it): the run was cut short, and the second tab reopens it.
  await page.close();
  await second.reload();
  await waitForRun(second, { phase: 'paused' }, { timeout: 60_000 });
  await expect(second.getByTestId('run-row').first()).toHaveAttribute('data-status', 'live');
  expect((await readRun(second)).step).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});
