import { useEffect, useState } from 'react';
import { parseClassroomFlags, type ClassroomFlags } from '../classroom/classroomFlags';
import { MANIFEST } from '../data/datasets';
import { joinMessages, message } from '../shared/messages/message';
import { BUILTIN_LESSONS } from '../lessons/lessonFiles';
import { PRESETS } from '../models/presets';
import { useStore } from '../state/store';

/**
 * The teacher's link, read once when the page opens: its preset and dataset are applied, and
 * anything in it that LayerLab cannot use is explained in the notice (the rest still applies).
 */
export function useClassroom(): ClassroomFlags {
  const [flags] = useState(() =>
    parseClassroomFlags(location.search, {
      presets: PRESETS.map((p) => p.id),
      datasets: MANIFEST.map((d) => d.id),
      lessons: BUILTIN_LESSONS,
    }),
  );
  useEffect(() => {
    const { loadPreset, setDataset, setNotice } = useStore.getState();
    if (flags.presentation) useStore.setState({ presentation: true });
    if (flags.preset) loadPreset(flags.preset);
    if (flags.dataset) setDataset({ id: flags.dataset });
    // Locked only now, so the teacher's own preset and dataset apply; from here on every way in
    // (a file, a link, a lesson, an import) is held to them.
    useStore.setState({ locks: flags.lock });
    if (flags.preset || flags.dataset) forgetAppliedChoice();
    const problems = joinMessages(flags.problems);
    if (problems) setNotice(message('files.classroom.problems', { problems }));
  }, [flags]);
  return flags;
}

/**
 * The link's preset and dataset apply once: taken out of the address, so a reload keeps what the
 * student has done since (instead of loading the preset over it), and a share link made here
 * carries the student's design, not the preset again. Locks, hidden controls and presentation
 * stay in the address: they hold for as long as the tab shows this link.
 */
function forgetAppliedChoice(): void {
  const url = new URL(location.href);
  url.searchParams.delete('preset');
  url.searchParams.delete('dataset');
  history.replaceState(history.state, '', url);
}
