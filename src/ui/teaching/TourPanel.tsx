/**
 * The guided tour, open above the comparison: the step's story, where to look, and a pointer at
 * what changed — computed from the runs' results as they come in (tourPointer.ts). Next adds the
 * next step's run and moves on at once; nothing waits for training. Buttons by Tab, keys → / N,
 * ← / B and Escape; sized in rem so it grows with the reader's text size.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATALOG } from '../../state/catalog';
import { setSelection } from '../../state/scatterActions';
import { focusedRun, store, useStore } from '../../state/store';
import { closeTour, currentTourSteps, nextTourStep, previousTourStep } from '../../state/tour/tourActions';
import { tourPointer } from '../../state/tour/tourPointer';
import { tourResults } from '../../state/tour/tourResults';
import { FamilyCardButton } from './FamilyCardButton';
import { useTourKeys } from './useTourKeys';

/** Marks one digit's points in every scatter (the linked selection), to show where it changed. */
function showDigit(digit: number): void {
  const ready = focusedRun(store.getState()).ready;
  if (!ready?.labels) return;
  const rows: number[] = [];
  ready.labels.forEach((label, i) => {
    if (label === digit) rows.push(ready.indices[i]);
  });
  setSelection(Int32Array.from(rows).sort());
}

export function TourPanel() {
  const open = useStore((s) => s.tour !== null);
  return open ? <Tour /> : null;
}

function Tour() {
  useTourKeys();
  const steps = currentTourSteps();
  const index = useStore((s) => s.tour?.step ?? 0);
  const step = steps[index];
  const pointer = useStore(useShallow((s) => (s.tour ? tourPointer(step, steps, tourResults(s, s.tour)) : null)));
  const method = step.method ? CATALOG.methods.find((m) => m.id === step.method) : undefined;
  const last = index === steps.length - 1;
  const next = useRef<HTMLButtonElement>(null);
  // The tour takes the focus when it opens, so Enter goes on at once; closed, it hands the focus
  // back to the button that opens it.
  useEffect(() => {
    next.current?.focus();
    return () => {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="tour-start"]')?.focus());
    };
  }, []);

  return (
    <section className="tour panel" role="region" aria-labelledby="tour-title" data-testid="tour" data-step={step.id}>
      <div className="tour-head">
        <span className="tour-count" data-testid="tour-count">
          Guided tour · step {index + 1} of {steps.length}
        </span>
        <button type="button" className="tour-close" data-testid="tour-close" aria-label="Close the tour (Escape)" onClick={closeTour}>
          ×
        </button>
      </div>
      <h2 id="tour-title">{step.title}</h2>
      {method && (
        <p className="tour-family">
          Prior: <FamilyCardButton id={method.family} testId="tour-family-card" />
        </p>
      )}
      <p className="tour-story">{step.story}</p>
      <p className="tour-look">{step.look}</p>
      {pointer && (
        <div className="tour-pointer" data-testid="tour-pointer" data-final={pointer.final} data-metric={pointer.metric ?? ''} data-cluster={pointer.cluster ?? ''} aria-live="polite">
          <p>
            <span aria-hidden="true">→ </span>
            {pointer.text}
          </p>
          {pointer.cluster !== null && (
            <button type="button" data-testid="tour-show-digit" onClick={() => showDigit(pointer.cluster!)}>
              Show digit {pointer.cluster} in the scatters
            </button>
          )}
        </div>
      )}
      <div className="tour-nav">
        <button type="button" data-testid="tour-back" onClick={previousTourStep} disabled={index === 0} aria-keyshortcuts="ArrowLeft b">
          ← Back
        </button>
        <button ref={next} type="button" className="primary" data-testid="tour-next" onClick={nextTourStep} aria-keyshortcuts="ArrowRight n">
          {last ? 'Finish' : `Next: ${steps[index + 1].title.split(':')[0]} →`}
        </button>
        <span className="tour-keys muted">Keys: → or N next, ← or B back, Esc closes</span>
      </div>
    </section>
  );
}
