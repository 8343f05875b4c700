import { useState } from 'react';

export type BoardViewMode = 'board' | 'list';

const KEY = 'oogst:board:view';
/** Narrower than this (in the reader's own text size) the list reads better than the board. */
const NARROW = '(max-width: 37.5rem)';

function initial(): BoardViewMode {
  try {
    const chosen = localStorage.getItem(KEY);
    if (chosen === 'board' || chosen === 'list') return chosen;
  } catch {
    // No storage (private mode): fall back to the screen's width.
  }
  return window.matchMedia?.(NARROW).matches ? 'list' : 'board';
}

/**
 * [BOARD17] Board or list view. On a narrow screen (a phone; or large text, as the width is in
 * rem) boards open as the list, elsewhere as the board; a choice the reader makes is remembered
 * on this device for every board.
 */
export function useBoardView(): [BoardViewMode, (v: BoardViewMode) => void] {
  const [view, setView] = useState<BoardViewMode>(initial);
  const choose = (v: BoardViewMode) => {
    setView(v);
    try {
      localStorage.setItem(KEY, v);
    } catch {
      // Not remembered; the choice still holds on this page.
    }
  };
  return [view, choose];
}
