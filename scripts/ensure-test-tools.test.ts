import { describe, expect, it } from 'vitest';
import { missingPackages, plan } from './ensure-test-tools.mjs';

describe('ensure-test-tools', () => {
  it('does nothing when everything is here', () => {
    expect(plan([], { root: false, aptGet: false })).toEqual({ action: 'ready' });
  });

  it('installs with apt-get as root', () => {
    expect(plan(['chromium', 'python3-torch'], { root: true, aptGet: true })).toEqual({
      action: 'install',
      command: 'apt-get update && apt-get install -y chromium python3-torch',
    });
  });

  it('stops with the one command to run when not root', () => {
    const next = plan(['python3-torch'], { root: false, aptGet: true });
    expect(next).toEqual({
      action: 'stop',
      line: 'npm test needs python3-torch from Debian. Run: sudo apt-get update && sudo apt-get install -y python3-torch',
    });
  });

  it('names the packages on a machine without apt-get', () => {
    const next = plan(['chromium'], { root: true, aptGet: false });
    expect(next.action).toBe('stop');
    expect(next.line).toMatch(/^npm test needs chromium \(Debian package names\)/);
  });

  it('counts every Python package missing when there is no Python', () => {
    expect(missingPackages({ chromium: '/nonexistent', python: '/nonexistent' })).toEqual([
      'chromium',
      'python3-torch',
      'python3-numpy',
      'python3-pyflakes',
    ]);
  });
});
