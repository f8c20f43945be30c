import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../data/datasets';
import type { ModelSpec } from '../../models/spec';
import type { LayerActivation, ProbeResult } from '../../shared/protocol';
import { ImageTile } from '../ImageTile';
import { DrawingPad } from '../canvas/DrawingPad';
import { FeatureMaps } from '../canvas/FeatureMaps';
import { HeatStrip } from '../canvas/HeatStrip';
import type { ProbeControls } from '../canvas/useProbeSettings';
import { SequenceStates } from '../canvas/SequenceStates';
import { layerLabel } from '../layerText';
import { Prediction } from './Prediction';

interface Props {
  info: DatasetInfo;
  spec: ModelSpec;
  probe: ProbeResult | null;
  controls: ProbeControls;
}

/** Picks the sample (a validation sample, or one drawn on the pad) and shows every layer's output. */
export function ActivationsView({ info, spec, probe, controls }: Props) {
  const { t } = useTranslation();
  const { sample } = controls.settings;
  const index = sample.kind === 'validation' ? sample.index : null;
  const [h = 0, w = 0, c = 0] = info.inputShape;
  const drawable = info.kind === 'images' && h === 28 && w === 28 && c === 1;
  const kinds = new Map(
    spec.layers.map((l, i) => [
      l.id,
      t('activations.layerTitle', { index: i + 1, name: layerLabel(t, l.kind) }),
    ]),
  );
  const fromTraining = probe?.samplesFrom === 'training';
  return (
    <div className="activations-view">
      <div className="sample-picker row">
        <button
          type="button"
          aria-label={t(fromTraining ? 'activations.previousTraining' : 'activations.previous')}
          disabled={index === null || index === 0}
          onClick={() =>
            controls.setSample({ kind: 'validation', index: Math.max(0, (index ?? 0) - 1) })
          }
        >
          ‹
        </button>
        <span data-testid="sample-index">
          {index !== null
            ? t(fromTraining ? 'activations.trainingSample' : 'activations.validationSample', {
                index: index + 1,
              })
            : sample.kind === 'text'
              ? t('activations.yourText')
              : sample.kind === 'custom' && sample.label
                ? t('activations.picked')
                : t('activations.yourDrawing')}
        </span>
        <button
          type="button"
          data-testid="sample-next"
          aria-label={t(fromTraining ? 'activations.nextTraining' : 'activations.next')}
          onClick={() => controls.setSample({ kind: 'validation', index: (index ?? -1) + 1 })}
        >
          ›
        </button>
      </div>
      {drawable && (
        <DrawingPad
          label={t('activations.drawLabel')}
          testId="drawing-pad"
          size={168}
          showPreview
          onChange={(x) => controls.setSample({ kind: 'custom', x })}
        />
      )}
      {info.kind === 'text' && (
        <TextSample onText={(text) => controls.setSample({ kind: 'text', text })} />
      )}
      {probe?.sample ? <Prediction info={info} sample={probe.sample} /> : <NoRun />}
      {probe?.sample?.tokens && info.kind === 'text' && (
        <p className="hint" data-testid="sample-tokens">
          {t('activations.tokens', {
            tokens:
              probe.sample.tokens.filter((token) => token !== '<pad>').join(' ') ||
              t('activations.noTokens'),
          })}
        </p>
      )}
      {probe?.sample && info.kind === 'images' && (
        <figure className="input-image">
          <ImageTile pixels={probe.sample.x} shape={[h, w, c]} size={84} />
          <figcaption>{t('activations.input')}</figcaption>
        </figure>
      )}
      {probe?.activations?.map((a) => (
        <LayerView
          key={a.id}
          activation={a}
          title={kinds.get(a.id) ?? a.id}
          tokens={probe.sample?.tokens ?? null}
        />
      ))}
    </div>
  );
}

/** Waits for a pause in typing before asking the worker, so every keystroke does not cost a probe. */
const TYPING_PAUSE_MS = 300;

function TextSample({ onText }: { onText(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => {
    if (text.trim() === '') return;
    const timer = setTimeout(() => onText(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <label className="field">
      <span className="field-label">{t('activations.typeLabel')}</span>
      <input
        type="text"
        value={text}
        placeholder={t('activations.typePlaceholder')}
        data-testid="sample-text"
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  );
}

function NoRun() {
  const { t } = useTranslation();
  return <p className="hint">{t('activations.noRun')}</p>;
}

function LayerView({
  activation,
  title,
  tokens,
}: {
  activation: LayerActivation;
  title: string;
  tokens: string[] | null;
}) {
  const { t } = useTranslation();
  const { shape, fullShape, values } = activation;
  const cut = shape.join('×') !== fullShape.join('×');
  const caption = cut
    ? t('activations.captionCut', {
        title,
        shape: fullShape.join(', '),
        shown: shape.join(', '),
      })
    : t('activations.caption', { title, shape: fullShape.join(', ') });
  return (
    <figure className="layer-activation" data-testid="layer-activation" data-layer={activation.id}>
      <figcaption>{caption}</figcaption>
      {shape.length === 1 && (
        <HeatStrip values={values} label={t('activations.stripLabel', { title })} />
      )}
      {shape.length === 2 && (
        <SequenceStates
          values={values}
          steps={shape[0] ?? 1}
          units={shape[1] ?? 1}
          stepLabels={tokens ?? undefined}
          range="symmetric"
          label={t('activations.sequenceLabel', { title })}
        />
      )}
      {shape.length === 3 && (
        <FeatureMaps
          values={values}
          height={shape[0] ?? 1}
          width={shape[1] ?? 1}
          channels={shape[2] ?? 1}
          label={t('activations.mapsLabel', { title })}
        />
      )}
    </figure>
  );
}
