import { useEffect, useState } from 'react';

/** The dark modules of a QR code as one SVG path, with a quiet zone of four modules around it. */
interface QrShape {
  size: number;
  path: string;
}

const QUIET = 4;

/**
 * [SCREEN4] A QR code of `text`, made in this browser by the `qrcode` library (loaded only here,
 * so a participant's first screen stays small; nothing is fetched from elsewhere). Drawn as our own
 * SVG path from the library's modules: no markup from a string.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const [shape, setShape] = useState<QrShape | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ default: QRCode }) => {
      // Medium error correction: still readable from the back of a room on a dim projector.
      const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
      let path = '';
      for (let row = 0; row < modules.size; row++) {
        for (let col = 0; col < modules.size; col++) {
          if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
        }
      }
      if (live) setShape({ size: modules.size + 2 * QUIET, path });
    });
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${shape?.size ?? 1} ${shape?.size ?? 1}`}
      shapeRendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      {shape ? <path d={shape.path} fill="#000" /> : null}
    </svg>
  );
}
