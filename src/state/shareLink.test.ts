import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../data/random';
import { englishText } from '../shared/messages/englishText';
import { PRESETS } from '../models/presets';
import { makeExperiment, type Experiment } from '../shared/experiment';
import { decodeShareLink, encodeShareLink, MAX_LINK_CHARS, SHARE_PREFIX } from './shareLink';

function experiment(): Experiment {
  const preset = PRESETS.find((p) => p.id === 'mnist-cnn');
  if (!preset) throw new Error('preset');
  return makeExperiment({
    name: 'CNN',
    spec: preset.spec,
    dataset: preset.dataset,
    training: preset.training,
    views: { open: ['confusion'], intervalMs: 250 },
  });
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('share links', () => {
  it('carry an experiment in a short fragment and back', () => {
    const link = encodeShareLink(experiment());
    expect(link.startsWith(SHARE_PREFIX)).toBe(true);
    expect(link.length).toBeLessThan(1200);
    expect(decodeShareLink(link)).toEqual({ ok: true, experiment: experiment() });
  });

  it('200 fuzzed links (random, truncated, edited, wrong version, huge, bombs) each give a message', () => {
    const random = createRandom(2026);
    const good = encodeShareLink(experiment());
    const links: string[] = [];
    for (let i = 0; i < 50; i++) {
      // Random bytes as base64url: valid characters, nonsense data.
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 300) }, () =>
        Math.floor(random() * 256),
      );
      links.push(SHARE_PREFIX + base64url(bytes));
    }
    for (let i = 0; i < 50; i++) {
      // Truncated anywhere inside the payload.
      links.push(good.slice(0, SHARE_PREFIX.length + Math.floor(random() * (good.length - 4))));
    }
    for (let i = 0; i < 40; i++) {
      // One character replaced by another (or by one a link never has).
      const at = SHARE_PREFIX.length + Math.floor(random() * (good.length - SHARE_PREFIX.length));
      const replacement = '!Az09_-+/='[Math.floor(random() * 10)] ?? '!';
      const edited = good.slice(0, at) + replacement + good.slice(at + 1);
      if (edited !== good) links.push(edited);
    }
    const pack = (value: unknown) =>
      SHARE_PREFIX + base64url(deflateSync(strToU8(JSON.stringify(value))));
    for (let i = 0; i < 20; i++) {
      links.push(pack({ ...experiment(), version: 2 + i })); // newer versions
      links.push(pack([i, 'not an experiment']));
    }
    for (let i = 0; i < 10; i++) {
      links.push(SHARE_PREFIX + 'A'.repeat(MAX_LINK_CHARS + 1 + i)); // huge
      links.push(SHARE_PREFIX + base64url(deflateSync(new Uint8Array(3_000_000 + i)))); // a bomb
    }
    while (links.length < 200) links.push(`#x=${'%'.repeat(links.length)}`);
    expect(links).toHaveLength(200);
    let accepted = 0;
    for (const link of links) {
      const result = decodeShareLink(link);
      if (result.ok) {
        // An edit can land in a way deflate tolerates; then it must still be a valid experiment.
        accepted++;
        expect(result.experiment.format).toBe('layerlab-experiment');
      } else {
        expect(englishText(result.problem)).toMatch(/^This share link is broken: .{10,}/);
      }
    }
    expect(accepted).toBeLessThan(10);
  });

  it('name the reason: a newer version, too long, truncated', () => {
    const newer =
      SHARE_PREFIX +
      base64url(deflateSync(strToU8(JSON.stringify({ ...experiment(), version: 7 }))));
    const problem = (hash: string) => {
      const result = decodeShareLink(hash);
      return result.ok ? 'accepted' : englishText(result.problem);
    };
    expect(problem(newer)).toMatch(/newer LayerLab/);
    expect(problem(SHARE_PREFIX + 'A'.repeat(MAX_LINK_CHARS + 1))).toBe(
      'This share link is broken: it is 200,001 characters long, far more than LayerLab writes.',
    );
    const good = encodeShareLink(experiment());
    expect(problem(good.slice(0, good.length - 20))).toMatch(/does not unpack|truncated/);
    expect(decodeShareLink('#nothing')).toMatchObject({ ok: false });
  });
});
