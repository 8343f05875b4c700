import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * [A11Y1] Where keyboard focus goes after an action, so keyboard and screen-reader users never
 * land on `<body>` and have to find their place again.
 */

const FIELD = 'input:not([type="hidden"]):not(:disabled), textarea:not(:disabled), select:not(:disabled)';

function lost(): boolean {
  const el = document.activeElement;
  return el === null || el === document.body || !el.isConnected;
}

/**
 * Focus an element that may not be on screen yet (it comes with a store update, an ack or a lazily
 * loaded chunk): looks for it every animation frame for at most `ms`. Leaves focus alone when the
 * person has meanwhile put it somewhere else themselves.
 */
export function focusWhenReady(find: () => HTMLElement | null | undefined, ms = 4000): void {
  const start = performance.now();
  const was = document.activeElement;
  const step = () => {
    if (!lost() && document.activeElement !== was) return;
    const el = find();
    if (el?.isConnected) {
      el.focus();
      return;
    }
    if (performance.now() - start < ms) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/** A form that just appeared (an editor opened with "+ Peiling" or "Bewerken"): its first field. */
export function useFocusFirstField(container: RefObject<HTMLElement | null>): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form appears
  useEffect(() => focusWhenReady(() => container.current?.querySelector<HTMLElement>(FIELD)), []);
}

/**
 * A dialog gives focus back to the control that opened it when it closes (Escape, "Sluiten"), if
 * that control is still there and focus has not gone somewhere sensible already.
 */
export function useReturnFocus(): void {
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (!opener || opener === document.body) return;
      requestAnimationFrame(() => {
        if (opener.isConnected && lost()) opener.focus();
      });
    };
  }, []);
}

/**
 * The message under an answer form ("Je antwoord is opgeslagen.") takes focus when saving or
 * taking back an answer finishes (the button pressed may be disabled or gone by then); an error
 * takes it when focus was lost. The message is a `role=status` with `tabIndex=-1`.
 */
export function useFocusOnOutcome(message: RefObject<HTMLElement | null>, outcome: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (outcome === 'saved' || outcome === 'retracted' || (outcome === 'error' && lost())) {
      message.current?.focus();
    }
  }, [outcome, message]);
}

let mainUntil = 0;

/** The next view that mounts takes focus on its `<main>` (after joining: the form is gone). */
export function focusMainNext(): void {
  mainUntil = Date.now() + 5000;
}

/** Used by the Layout: take focus when asked to by `focusMainNext` and nothing else has it. */
export function useFocusMainOnMount(main: RefObject<HTMLElement | null>): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the view appears
  useEffect(() => {
    if (Date.now() < mainUntil && lost()) main.current?.focus();
  }, []);
}
