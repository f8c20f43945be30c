import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onDemand } from '../state/onDemand';
import { PartBoundary } from './PartBoundary';

/**
 * A component whose code loads after the first paint (src/state/onDemand.ts). Until it has
 * loaded, `placeholder` takes its place at its size, so nothing below it jumps; once loaded (by
 * this instance or by the idle prefetch), new instances render it at once, without a placeholder.
 * Not React.lazy: a chunk that cannot load (offline before it was cached) leaves a message in its
 * place instead of unmounting the page, and the next mount tries again. A part that throws while
 * rendering leaves a message too (PartBoundary).
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  const get = onDemand(() =>
    load().then((component) => {
      loaded = component;
      return component;
    }),
  );
  function Deferred(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component) return;
      let mounted = true;
      get().then(
        (component) => mounted && setComponent(() => component),
        () => mounted && setFailed(true),
      );
      return () => {
        mounted = false;
      };
    }, [Component]);
    if (Component)
      return (
        <PartBoundary>
          <Component {...props} />
        </PartBoundary>
      );
    return failed ? <LoadFailed /> : placeholder(props);
  }
  return Deferred;
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert">
      {t('common.loadFailed')}
    </p>
  );
}
