/**
 * At start-up: a share link in the address (#x=…) replaces the work, or, if it is broken, says
 * why and leaves the work as it was. The fragment is removed either way, so a reload does not
 * apply it again over later edits.
 */
import { message } from '../shared/messages/message';
import { rememberExperiment } from './recentExperiments';
import { decodeShareLink, SHARE_PREFIX } from './shareLink';
import { useStore } from './store';

export function loadSharedLink(): void {
  const { hash } = location;
  if (!hash.startsWith(SHARE_PREFIX)) return;
  const result = decodeShareLink(hash);
  if (result.ok) {
    useStore.getState().loadExperiment(result.experiment, message('notices.source.link'));
    rememberExperiment(localStorage, result.experiment);
  } else
    useStore
      .getState()
      .setNotice(message('files.shareLink.unchanged', { problem: result.problem }));
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
