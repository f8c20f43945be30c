import { describe, expect, it } from 'vitest';
import { englishText } from '../shared/messages/englishText';
import { parseClassroomFlags } from './classroomFlags';

const KNOWN = {
  presets: ['spiral-mlp', 'mnist-mlp'],
  datasets: ['spiral', 'mnist'],
  lessons: ['spiral-few-neurons'],
};

describe('classroom flags', () => {
  it('reads what a teacher’s link asks for', () => {
    const flags = parseClassroomFlags(
      '?preset=mnist-mlp&lock=dataset,designer&hide=upload,export&present=1&lesson=spiral-few-neurons',
      KNOWN,
    );
    expect(flags.preset).toBe('mnist-mlp');
    expect([...flags.lock]).toEqual(['dataset', 'designer']);
    expect([...flags.hide]).toEqual(['upload', 'export']);
    expect(flags.presentation).toBe(true);
    expect(flags.lesson).toBe('spiral-few-neurons');
    expect(flags.problems).toEqual([]);
  });

  it('asks for nothing without a query string', () => {
    const flags = parseClassroomFlags('', KNOWN);
    expect(flags).toMatchObject({ preset: null, dataset: null, lesson: null, presentation: false });
    expect(flags.hide.size + flags.lock.size).toBe(0);
  });

  it('names what it cannot use and keeps the rest', () => {
    const flags = parseClassroomFlags(
      '?hide=upload,everything&lock=brain&preset=nope&present=0',
      KNOWN,
    );
    expect([...flags.hide]).toEqual(['upload']);
    expect(flags.lock.size).toBe(0);
    expect(flags.preset).toBeNull();
    expect(flags.presentation).toBe(false);
    expect(flags.problems).toHaveLength(3);
    expect(flags.problems.map(englishText)).toEqual([
      '“everything” is not something LayerLab can hide (it can hide: data, upload, designer, settings, internals, runs, models, export, share, backend, lessons).',
      '“brain” is not something LayerLab can lock (it can lock: dataset, designer, settings, preset).',
      'There is no preset “nope”: it was not opened.',
    ]);
  });

  it('never throws on junk', () => {
    for (const junk of ['?%E0%A4%A', '?hide=,,,', '?present', '?&&&=', '?preset=%00']) {
      expect(() => parseClassroomFlags(junk, KNOWN)).not.toThrow();
    }
    expect(parseClassroomFlags('?present', KNOWN).presentation).toBe(true);
  });
});
