import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTextLanguage } from '../../i18n/useTextLanguage';
import { checkGoal } from '../../lessons/checkGoal';
import { BUILTIN_LESSONS, lessonUrl } from '../../lessons/lessonFiles';
import { parseLesson, type Lesson, type LessonText } from '../../lessons/lessonFormat';
import { readProgress, saveProgress, type LessonProgress } from '../../lessons/lessonProgress';
import { message, type Message } from '../../shared/messages/message';
import { MessageError, throwMessage, toMessage } from '../../shared/messages/messageError';
import { useMessage } from '../../i18n/useMessage';
import { useStore } from '../../state/store';
import { useLessonState } from './useLessonState';
import { pageStorage } from '../../state/pageStorage';

async function fetchLesson(id: string): Promise<Lesson> {
  const response = await fetch(lessonUrl(id, document.baseURI));
  if (!response.ok) throwMessage('files.lessons.loadFailed', { id, status: response.status });
  const parsed = parseLesson(await response.json(), `${id}.json`);
  if (!parsed.ok) throw new MessageError(parsed.problem);
  return parsed.lesson;
}

/** Points at a part of the screen: the element with that data-area gets an outline. */
function useHighlight(area: string | undefined): void {
  useEffect(() => {
    if (area) document.body.dataset.highlight = area;
    else delete document.body.dataset.highlight;
    return () => {
      delete document.body.dataset.highlight;
    };
  }, [area]);
}

/**
 * Guided lessons: short steps that point at the screen and check the learner's own result. A
 * lesson is a data file (public/lessons, or a teacher's own file opened here); progress stays in
 * this browser.
 */
export function LessonPanel({ initialLesson }: { initialLesson?: string | null }) {
  const { t } = useTranslation();
  const language = useTextLanguage();
  const say = (text: LessonText) => text[language];
  const loadPreset = useStore((s) => s.loadPreset);
  const [lessons, setLessons] = useState<Lesson[]>([]);
  const [active, setActive] = useState<Lesson | null>(null);
  const [progress, setProgress] = useState<LessonProgress>(() => readProgress(pageStorage()));
  const show = useMessage();
  const [problem, setProblem] = useState<Message | null>(null);
  const fileId = useId();
  const state = useLessonState();

  useEffect(() => {
    Promise.all(BUILTIN_LESSONS.map(fetchLesson)).then(
      (loaded) => {
        setLessons(loaded);
        const first = loaded.find((l) => l.id === initialLesson);
        if (first) setActive(first);
      },
      (error: unknown) => setProblem(toMessage(error)),
    );
  }, [initialLesson]);

  const stepIndex = active ? Math.min(progress[active.id]?.step ?? 0, active.steps.length - 1) : 0;
  const step = active?.steps[stepIndex];
  const metNow = step?.goal ? checkGoal(step.goal, state) : true;
  // Reached once counts: a validation accuracy that wobbles below the bar later does not undo it.
  // Storage is read only when the step or its state changes, not on every training frame.
  const met = useMemo(
    () =>
      metNow ||
      (active ? (readProgress(pageStorage())[active.id]?.met.includes(stepIndex) ?? false) : false),
    [active, stepIndex, metNow],
  );
  useHighlight(step?.highlight);

  // A goal met once stays met, even if a later experiment undoes it.
  useEffect(() => {
    if (active && step?.goal && metNow) saveProgress(pageStorage(), active.id, { met: stepIndex });
  }, [active, step, metNow, stepIndex]);

  const start = (lesson: Lesson) => {
    loadPreset(lesson.preset);
    setActive(lesson);
    setProgress(saveProgress(pageStorage(), lesson.id, { step: 0 }));
  };
  const go = (to: number) =>
    active && setProgress(saveProgress(pageStorage(), active.id, { step: to }));

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseLesson(JSON.parse(await file.text()), file.name);
      if (!parsed.ok) throw new MessageError(parsed.problem);
      start(parsed.lesson);
      setProblem(null);
    } catch (error) {
      setProblem(
        error instanceof SyntaxError
          ? message('files.lessons.notJson', { file: file.name })
          : toMessage(error),
      );
    }
  };

  // The list's counts: one read of the stored progress per render, only while the list shows.
  const stored = active ? {} : readProgress(pageStorage());

  return (
    <section
      // A running lesson docks beside the work on a wide screen (styles.css), so its step and goal
      // stay in view while the learner scrolls to the views it points at.
      className={active ? 'panel lessons is-running' : 'panel lessons'}
      aria-labelledby="lessons-title"
      data-testid="lessons"
    >
      <h2 id="lessons-title">{t('lessons.title')}</h2>
      {problem && (
        <p className="error" role="alert" data-testid="lesson-error">
          {show(problem)}
        </p>
      )}
      {active && step ? (
        <div className="lesson" data-testid="lesson" data-lesson={active.id} data-step={stepIndex}>
          <h3>{say(active.title)}</h3>
          <p className="hint">
            {t('lessons.stepOf', { step: stepIndex + 1, count: active.steps.length })}
          </p>
          <p data-testid="lesson-text">{say(step.text)}</p>
          {step.goal && step.goalText && (
            <p
              className={met ? 'lesson-goal met' : 'lesson-goal'}
              data-testid="lesson-goal"
              data-met={met}
              role="status"
              aria-live="polite"
            >
              {met ? '✓' : '○'} {say(step.goalText)}
            </p>
          )}
          <div className="models-form">
            <button type="button" disabled={stepIndex === 0} onClick={() => go(stepIndex - 1)}>
              {t('lessons.back')}
            </button>
            {stepIndex < active.steps.length - 1 ? (
              <button
                type="button"
                data-testid="lesson-next"
                disabled={!met}
                title={met ? undefined : t('lessons.goalFirst')}
                onClick={() => go(stepIndex + 1)}
              >
                {t('lessons.next')}
              </button>
            ) : (
              <span className="hint" data-testid="lesson-done">
                {met ? t('lessons.complete') : t('lessons.reachGoal')}
              </span>
            )}
            <button type="button" onClick={() => setActive(null)}>
              {t('lessons.all')}
            </button>
          </div>
        </div>
      ) : (
        // Folded to one line until opened, so the playground comes first on the screen.
        <details className="lesson-choices" data-testid="lesson-choices">
          <summary>{t('lessons.choose', { count: lessons.length })}</summary>
          <ul className="lesson-list">
            {lessons.map((lesson) => {
              const done = stored[lesson.id]?.met.length ?? 0;
              const goals = lesson.steps.filter((s) => s.goal).length;
              return (
                <li key={lesson.id}>
                  <button
                    type="button"
                    data-testid="lesson-start"
                    data-lesson={lesson.id}
                    onClick={() => start(lesson)}
                  >
                    {say(lesson.title)}
                  </button>
                  <span className="hint">
                    {' '}
                    {t('lessons.progress', { summary: say(lesson.summary), done, goals })}
                  </span>
                </li>
              );
            })}
            <li>
              <label className="button-like" htmlFor={fileId}>
                {t('lessons.openFile')}
                <input
                  id={fileId}
                  type="file"
                  accept=".json,application/json"
                  className="sr-only"
                  data-testid="lesson-file"
                  onChange={(e) => {
                    void openFile(e.target.files?.[0]);
                    e.target.value = '';
                  }}
                />
              </label>
            </li>
          </ul>
        </details>
      )}
    </section>
  );
}
