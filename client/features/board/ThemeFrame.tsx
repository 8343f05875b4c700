import { memo, useRef } from 'react';
import type { Rect } from '../../../shared/domain/board/layout';
import type { ThemeView } from '../../../shared/domain/board/types';
import { useT } from '../../i18n';

export interface ThemeFrameProps {
  theme: ThemeView;
  rect: Rect;
  count: number;
  votes: number | null;
  canCluster: boolean;
  onActions(id: string): void;
  onDrag(id: string, x: number, y: number, done: boolean): void;
  onKey(id: string, e: React.KeyboardEvent): void;
  zoom(): number;
}

/**
 * [BOARD11] A theme: a frame with its heading, its post-its drawn inside. The heading is a button
 * (Enter: rename, merge, dissolve); dragging it, or arrow keys on it, move the whole theme.
 */
export const ThemeFrame = memo(function ThemeFrame(p: ThemeFrameProps) {
  const t = useT();
  const start = useRef<{ px: number; py: number; tx: number; ty: number; id: number; moved: boolean } | null>(
    null,
  );
  const { rect, theme } = p;
  return (
    <div
      className="theme"
      data-theme-id={theme.id}
      style={{ transform: `translate(${rect.x}px, ${rect.y}px)`, width: rect.w, height: rect.h }}
    >
      <button
        type="button"
        className="theme__head"
        aria-label={`${theme.heading}. ${t('board.themeCount', { n: p.count })}${p.votes ? `. ${t('board.votes', { n: p.votes })}` : ''}. ${t('board.actions')}`}
        onClick={() => {
          if (!start.current?.moved) p.onActions(theme.id);
        }}
        onKeyDown={(e) => p.onKey(theme.id, e)}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.stopPropagation();
          start.current = {
            px: e.clientX,
            py: e.clientY,
            tx: theme.x,
            ty: theme.y,
            id: e.pointerId,
            moved: false,
          };
          if (p.canCluster) e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const s = start.current;
          if (!s || s.id !== e.pointerId || !p.canCluster) return;
          if (!s.moved && Math.hypot(e.clientX - s.px, e.clientY - s.py) < 4) return;
          s.moved = true;
          const z = p.zoom();
          p.onDrag(theme.id, s.tx + (e.clientX - s.px) / z, s.ty + (e.clientY - s.py) / z, false);
        }}
        onPointerUp={(e) => {
          const s = start.current;
          if (!s || s.id !== e.pointerId) return;
          if (s.moved) {
            const z = p.zoom();
            p.onDrag(theme.id, s.tx + (e.clientX - s.px) / z, s.ty + (e.clientY - s.py) / z, true);
          }
          // Let the click that follows see whether this was a drag.
          setTimeout(() => {
            start.current = null;
          }, 0);
        }}
      >
        <bdi className="theme__heading">{theme.heading}</bdi>
        <span className="theme__count" aria-hidden="true">
          {t('board.themeCount', { n: p.count })}
          {p.votes ? ` · ● ${p.votes}` : ''}
        </span>
      </button>
    </div>
  );
});
