import { type MutableRefObject, useEffect } from 'react';
import { DRAG_STALE_MS } from '../../../shared/domain/board/drag';
import { freeSpot, NOTE_H, NOTE_W, type Point } from '../../../shared/domain/board/layout';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { occupiedRects } from './model';
import { CanvasApiContext, NoteCard } from './NoteCard';
import { ThemeFrame } from './ThemeFrame';
import { useCamera } from './useCamera';
import { type GestureTarget, type ThemeDrag, useNoteGestures } from './useNoteGestures';

/** What the board around the canvas may ask of it. */
export interface CanvasHandle {
  /** A free spot near the middle of what is on screen. */
  freeSpotInView(): Point;
  /** The middle of what is on screen, in board units. */
  centre(): Point;
  fitToContent(): void;
  focusNote(id: string): void;
}

/**
 * [BOARD17] The Mural-style surface: a zoom bar, and the board drawn in one container that the
 * camera (`useCamera`) moves and scales; post-its and themes answer gestures through
 * `useNoteGestures`. Keyboard: on the surface arrows pan, + and − zoom, 0 fits; on a post-it arrows
 * move it.
 */
export function BoardCanvas(
  props: GestureTarget & {
    handle: MutableRefObject<CanvasHandle | null>;
    label: string;
    helpId: string;
    captureWheel: boolean;
    themeDrag: ThemeDrag | null;
    /** A double click on the empty board: a new post-it there (BOARD17). */
    onNewAt(p: Point): void;
  },
) {
  const t = useT();
  const { model } = props;
  const drags = useAppStore((s) => s.drags);
  const camera = useCamera({
    rects: () => occupiedRects(model),
    recent: () => model.notes.slice(-6).map((n) => model.position.get(n.id)!),
    synced: model.data?.synced ?? false,
    captureWheel: props.captureWheel,
  });
  const { viewport, world, grid, zoomShown, zoomAt, fitToContent, centre } = camera;
  const { api, onThemeDrag, onThemeKey, onThemeActions } = useNoteGestures(props, camera);

  props.handle.current = {
    centre,
    fitToContent,
    freeSpotInView: () => {
      const c = centre();
      return freeSpot(occupiedRects(model), { x: Math.max(0, c.x - 90), y: Math.max(0, c.y - 60) });
    },
    focusNote: (id) => world.current?.querySelector<HTMLElement>(`[data-note-id="${id}"]`)?.focus(),
  };

  // Someone else's drag that stopped arriving (a dropped connection) is no longer shown.
  useEffect(() => {
    const timer = setInterval(() => useAppStore.getState().dropStaleDrags(Date.now() - DRAG_STALE_MS), 1000);
    return () => clearInterval(timer);
  }, []);

  const counts = model.data?.counts ?? null;
  return (
    <CanvasApiContext.Provider value={api}>
      <div className="board__zoom" role="group" aria-label={t('board.zoom', { n: zoomShown })}>
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => zoomAt(0.8)}
          aria-label={t('board.zoomOut')}
        >
          −
        </button>
        <button
          type="button"
          className="btn btn--quiet board__zoom-level"
          aria-label={t('board.zoomReset', { n: zoomShown })}
          onClick={() => zoomAt(1 / camera.zoom())}
        >
          {zoomShown}%
        </button>
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => zoomAt(1.25)}
          aria-label={t('board.zoomIn')}
        >
          +
        </button>
        <button type="button" className="btn btn--quiet" onClick={fitToContent}>
          {t('board.zoomFit')}
        </button>
      </div>
      <div
        ref={viewport}
        className="board__viewport"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the surface itself pans and zooms by keyboard
        tabIndex={0}
        role="region"
        aria-label={props.label}
        aria-describedby={props.helpId}
        {...camera.surface}
        onDoubleClick={(e) => {
          if (!camera.onSurface(e.target)) return;
          const p = camera.toWorld(e.clientX, e.clientY);
          props.onNewAt({ x: p.x - NOTE_W / 2, y: p.y - NOTE_H / 2 });
        }}
      >
        <div ref={grid} className="board__grid" aria-hidden="true" />
        <div ref={world} className="board__world">
          {model.themes.map((box) => (
            <ThemeFrame
              key={box.theme.id}
              theme={box.theme}
              rect={box.rect}
              count={box.notes.length}
              votes={counts ? box.notes.reduce((s, n) => s + (counts[n.id] ?? 0), 0) : null}
              canCluster={model.access.cluster}
              onActions={onThemeActions}
              onDrag={onThemeDrag}
              onKey={onThemeKey}
              zoom={camera.zoom}
            />
          ))}
          {model.notes.map((n) => {
            const at = model.position.get(n.id)!;
            return (
              <NoteCard
                key={n.id}
                note={n}
                x={at.x}
                y={at.y}
                selected={props.selection.has(n.id)}
                mine={model.isMine(n.id)}
                canMove={model.access.write}
                votes={counts ? (counts[n.id] ?? 0) : null}
                roomVotes={model.data?.roomCounts?.[n.id] ?? 0}
                myVotes={model.myVotesOn.get(n.id)?.length ?? 0}
                canVote={model.access.vote}
                canAddVote={model.votesLeft > 0}
                themeHeading={model.themeOf.get(n.id)?.theme.heading ?? null}
                drag={drags[n.id]}
                helpId={props.helpId}
              />
            );
          })}
        </div>
      </div>
    </CanvasApiContext.Provider>
  );
}
