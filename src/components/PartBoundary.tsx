import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

/**
 * Catches an error thrown while a part of the page renders, so that one failing panel shows what
 * went wrong in its place instead of React unmounting the whole page (the design is saved either
 * way; a blank page would only look as if it were lost). "Try again" renders the part anew.
 */
export class PartBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A part of the page failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PartFailed error={error} retry={() => this.setState({ error: null })} />;
  }
}

function PartFailed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid="part-failed">
      <p>{t('common.partFailed', { error: error.message })}</p>
      <button type="button" onClick={retry}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
}
