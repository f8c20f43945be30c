/**
 * At start-up: a share link in the address (#x=…) replaces the work, or, if it is broken, says
 * why and leaves the work as it was. The fragment is removed either way, so a reload does not
 * apply it again over later edits.
 */
import { message } from '../shared/messages/message';
import { toMessage } from '../shared/messages/messageError';
import { onDemand } from './onDemand';
import { rememberExperiment } from './recentExperiments';
import { SHARE_PREFIX } from './sharePrefix';
import { useStore } from './store';
import { pageStorage } from './pageStorage';

/** The link codec (fflate's deflate inside): loaded when a link is opened or made. */
export const loadShareLinks = onDemand(() => import('./shareLink'));

/**
 * Resolves once a link in the address is applied (or refused); at once when there is none.
 * main.tsx renders after it, so the page never shows the old work and then the link's.
 */
export async function loadSharedLink(): Promise<void> {
  const { hash } = location;
  if (!hash.startsWith(SHARE_PREFIX)) return;
  const store = useStore.getState();
  let shareLinks: Awaited<ReturnType<typeof loadShareLinks>>;
  try {
    shareLinks = await loadShareLinks();
  } catch (error) {
    // Its code could not be fetched: the fragment stays, so a reload tries again.
    store.setNotice(message('files.shareLink.unchanged', { problem: toMessage(error) }));
    return;
  }
  if (location.hash !== hash) return; // replaced meanwhile: its own hashchange handles it
  const result = shareLinks.decodeShareLink(hash);
  if (result.ok) {
    store.loadExperiment(result.experiment, message('notices.source.link'));
    rememberExperiment(pageStorage(), result.experiment);
  } else store.setNotice(message('files.shareLink.unchanged', { problem: result.problem }));
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
