// Export code: the design as PyTorch and Keras programs, highlighted, copied and downloaded; the
// downloaded PyTorch program runs (Debian's torch) and counts the parameters the designer shows.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, openApp } from '../browser.mjs';
import { assert, waitFor } from '../assert.mjs';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

async function downloadCode(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('code-download').click(),
  ]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

export const tests = {
  async 'the exported PyTorch program runs and counts the designer’s parameters; Keras parses'({
    url,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await page.getByTestId('preset-select').selectOption('mnist-cnn');
      await page.getByTestId('preset-load').click();
      const params = Number(
        (await page.getByTestId('total-params').textContent()).replace(/,/g, ''),
      );
      await page.getByTestId('code-export').locator('summary').click();
      const code = await waitFor(
        () =>
          page
            .getByTestId('code-block')
            .textContent()
            .catch(() => ''),
        (t) => t.includes('class LayerLabModel'),
        { what: 'the PyTorch program' },
      );
      assert(/SGD|momentum/i.test(code), 'the seeds’ CNN trains with SGD + momentum');
      assert(
        (await page.getByTestId('code-block').locator('.token').count()) > 100,
        'highlighted token by token',
      );
      const torchFile = await downloadCode(page);
      assert(torchFile.name.endsWith('.py'), `a .py file: ${torchFile.name}`);
      // The highlighted lines are elements of their own: compare without the line breaks.
      assert(
        readFileSync(torchFile.path, 'utf8').replace(/\n/g, '') === code.replace(/\n/g, ''),
        'the download is the code shown',
      );
      if (hasTorch) {
        const out = execFileSync(PYTHON, [torchFile.path, '--count-params'], { encoding: 'utf8' });
        assert(out.includes(String(params)), `torch counts ${params} parameters: ${out}`);
      } else {
        console.warn('    (python3-torch is not installed: the PyTorch program was not run)');
      }

      await page.getByTestId('export-keras').click();
      await waitFor(
        () => page.getByTestId('code-block').textContent(),
        (t) => t.includes('keras'),
        { what: 'the Keras program' },
      );
      const kerasFile = await downloadCode(page);
      execFileSync(PYTHON, [
        '-c',
        'import ast, sys; ast.parse(open(sys.argv[1]).read())',
        kerasFile.path,
      ]);

      // A design that cannot train cannot be exported: the panel says why.
      await page.getByTestId('layer-card').last().getByTestId('layer-remove').click();
      await page.getByTestId('layer-card').last().getByTestId('layer-remove').click();
      const message = await waitFor(
        () =>
          page
            .getByTestId('code-error')
            .textContent()
            .catch(() => ''),
        (t) => t.length > 0,
        { what: 'the reason' },
      );
      assert(/Fix the design first/.test(message), `explained: ${message}`);
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
