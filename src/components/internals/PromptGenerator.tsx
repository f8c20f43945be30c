import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generationRequests } from '../../bridge/generationRequests';
import { useMessage } from '../../i18n/useMessage';
import { TRAINING_NS } from '../../i18n/training/namespace';
import '../../i18n/training/register';
import {
  DEFAULT_GENERATION,
  GENERATION_LIMITS,
  generationProblems,
  type GeneratedText,
  type GenerationOptions,
  type WrittenToken,
} from '../../shared/generationOptions';
import { message, type Message } from '../../shared/messages/message';
import { toMessage } from '../../shared/messages/messageError';
import { useStore } from '../../state/store';
import { NumberField } from '../NumberField';

const percent = (p: number) => `${(p * 100).toFixed(p >= 0.1 ? 0 : 1)}%`;
/** A character as it reads in a list: spaces and line breaks named. */
const visible = (text: string) => (text === ' ' ? '␣' : text === '\n' ? '↵' : text);

/**
 * "Generate from a prompt" for a character language model: the learner types the start, sets
 * temperature, top-k and length, and the model (live, paused, finished or rewound) writes after it.
 * Each written character shows on hover or focus how likely the model found it and what else it
 * considered. "Start from the passage above" takes the window of validation text the live sample
 * continues, so a learner can compare the model's continuations of real text without typing one.
 */
export function PromptGenerator({
  windowLength,
  passage,
}: {
  windowLength: number;
  /** The window of validation text the live sample above continues: a prompt to start from. */
  passage: string | null;
}) {
  const { t } = useTranslation(TRAINING_NS);
  const show = useMessage();
  const hasRun = useStore(
    (s) => s.phase === 'training' || s.phase === 'paused' || s.phase === 'done',
  );
  const rewindStep = useStore((s) => s.probeSettings.rewind?.step ?? null);
  const [prompt, setPrompt] = useState('');
  const [options, setOptions] = useState<GenerationOptions>(DEFAULT_GENERATION);
  const [result, setResult] = useState<GeneratedText | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  /** The output's one tab stop (roving): moved by focus and the arrow keys, never by the mouse. */
  const [cursor, setCursor] = useState(0);
  /** The character the detail line describes: the one pointed at, else the one focused. */
  const [pointed, setPointed] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  /** Presses so far: each press draws with the next seed, so Generate again writes anew. */
  const [draws, setDraws] = useState(0);
  const tokenRefs = useRef<(HTMLSpanElement | null)[]>([]);
  const invalid = generationProblems(options);
  const set = (patch: Partial<GenerationOptions>) => setOptions({ ...options, ...patch });
  /** The field's problem, in the words the training settings use. */
  const rangeProblem = (key: 'temperature' | 'topK' | 'length'): Message | null =>
    invalid.includes(key)
      ? message(
          key === 'temperature'
            ? 'analysis.setting.outOfRange'
            : 'analysis.setting.wholeOutOfRange',
          {
            setting: t(`generate.${key}`),
            ...GENERATION_LIMITS[key],
          },
        )
      : null;

  async function generate() {
    // While writing, the button is only aria-disabled (a disabled button would drop the focus of
    // the keyboard user who pressed it), so a press then does nothing here.
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const seed = draws + 1;
      setDraws(seed);
      setResult(await generationRequests.generate(prompt, { ...options, seed }, rewindStep));
      setCursor(0);
      setPointed(null);
      setFocused(null);
    } catch (error) {
      setProblem(toMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const shown = pointed ?? focused;
  const token = shown === null ? null : (result?.tokens[shown] ?? null);
  return (
    <form
      className="prompt-generator"
      data-testid="prompt-generator"
      // The fields show their own problems; the browser's step check would block a temperature
      // of 0.85 (step 0.1).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void generate();
      }}
    >
      <h3 className="prompt-title">{t('generate.title')}</h3>
      <label className="field">
        <span className="field-label">{t('generate.prompt')}</span>
        <textarea
          rows={2}
          value={prompt}
          maxLength={GENERATION_LIMITS.promptCharacters}
          placeholder={t('generate.placeholder')}
          data-testid="prompt-input"
          onChange={(e) => setPrompt(e.target.value)}
        />
      </label>
      {passage !== null && (
        <button
          type="button"
          className="prompt-passage"
          data-testid="prompt-use-passage"
          title={t('generate.usePassageHelp')}
          onClick={() => setPrompt(passage.slice(-GENERATION_LIMITS.promptCharacters))}
        >
          {t('generate.usePassage')}
        </button>
      )}
      <div className="prompt-options">
        <NumberField
          label={t('generate.temperature')}
          value={options.temperature}
          min={GENERATION_LIMITS.temperature.min}
          max={GENERATION_LIMITS.temperature.max}
          step={0.1}
          testId="prompt-temperature"
          problem={rangeProblem('temperature')}
          onChange={(temperature) => set({ temperature })}
        />
        <NumberField
          label={t('generate.topK')}
          value={options.topK}
          min={GENERATION_LIMITS.topK.min}
          max={GENERATION_LIMITS.topK.max}
          step={1}
          testId="prompt-topk"
          problem={rangeProblem('topK')}
          onChange={(topK) => set({ topK })}
        />
        <NumberField
          label={t('generate.length')}
          value={options.length}
          min={GENERATION_LIMITS.length.min}
          max={GENERATION_LIMITS.length.max}
          step={1}
          testId="prompt-length"
          problem={rangeProblem('length')}
          onChange={(length) => set({ length })}
        />
        <button
          type="submit"
          className="primary"
          data-testid="generate-button"
          disabled={!hasRun || prompt.length === 0 || invalid.length > 0}
          aria-disabled={busy}
        >
          {busy ? t('generate.writing') : t('generate.button')}
        </button>
      </div>
      <p className="hint">
        {t('generate.help', { length: windowLength })}
        {!hasRun && ` ${t('generate.trainFirst')}`}
      </p>
      {problem && (
        <p className="field-problem" role="alert" data-testid="prompt-problem">
          {show(problem)}
        </p>
      )}
      {result && (
        <>
          {result.unknown.length > 0 && (
            <p className="hint" data-testid="prompt-unknown">
              {t('generate.unknown', { characters: result.unknown.map(visible).join(' ') })}
            </p>
          )}
          {/* A listbox: one tab stop, the arrow keys (and Home/End) move along the written
              characters, and screen readers switch to focus mode so the keys reach it. */}
          <p className="generated-text" data-testid="prompt-output" lang="">
            <span className="generated-prompt">{result.window}</span>
            <span
              role="listbox"
              aria-orientation="horizontal"
              aria-label={t('generate.outputLabel', {
                text: result.tokens.map((written) => written.text).join(''),
              })}
              onKeyDown={(e) => {
                const last = result.tokens.length - 1;
                const next =
                  e.key === 'ArrowRight'
                    ? cursor + 1
                    : e.key === 'ArrowLeft'
                      ? cursor - 1
                      : e.key === 'Home'
                        ? 0
                        : e.key === 'End'
                          ? last
                          : null;
                if (next === null) return;
                e.preventDefault();
                tokenRefs.current[Math.min(Math.max(next, 0), last)]?.focus();
              }}
            >
              {result.tokens.map((written, i) => (
                <span
                  key={i}
                  ref={(element) => {
                    tokenRefs.current[i] = element;
                  }}
                  className="written-token"
                  role="option"
                  aria-selected={i === cursor}
                  aria-label={describe(written, t)}
                  tabIndex={i === cursor ? 0 : -1}
                  data-testid="written-token"
                  style={{ backgroundColor: shade(written.probability) }}
                  onMouseEnter={() => setPointed(i)}
                  onMouseLeave={() => setPointed(null)}
                  onFocus={() => {
                    setCursor(i);
                    setFocused(i);
                  }}
                  onBlur={() => setFocused(null)}
                >
                  {written.text}
                </span>
              ))}
            </span>
          </p>
          <p className="hint token-detail" data-testid="token-detail">
            {token
              ? describe(token, t)
              : result.endStep === result.step
                ? t('generate.hover', {
                    step: result.step,
                    temperature: result.options.temperature,
                  })
                : t('generate.hoverTraining', {
                    step: result.step,
                    endStep: result.endStep,
                    temperature: result.options.temperature,
                  })}
          </p>
        </>
      )}
    </form>
  );
}

/** Unlikely characters are shaded: the shading is 1 − p of a pale orange. */
function shade(probability: number): string {
  const alpha = Math.max(0, Math.min(1, 1 - probability)) * 0.45;
  return `rgba(251, 146, 60, ${alpha.toFixed(2)})`;
}

function describe(
  token: WrittenToken,
  t: ReturnType<typeof useTranslation<typeof TRAINING_NS>>['t'],
): string {
  return t('generate.detail', {
    character: visible(token.text),
    probability: percent(token.probability),
    sampled: percent(token.sampledProbability),
    alternatives: token.alternatives
      .map((a) => `${visible(a.text)} ${percent(a.probability)}`)
      .join(t('generate.separator')),
  });
}
