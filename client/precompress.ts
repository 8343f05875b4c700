import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/** Writes `.gz` and `.br` beside each compressible file of `dir` (not into its folders). */
export function precompressDir(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!COMPRESSIBLE.test(name)) continue;
    const file = path.join(dir, name);
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const variants: [string, Buffer][] = [
      ['.gz', zlib.gzipSync(raw, { level: 9 })],
      [
        '.br',
        zlib.brotliCompressSync(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          },
        }),
      ],
    ];
    for (const [ext, bytes] of variants) if (bytes.length < raw.length) fs.writeFileSync(file + ext, bytes);
  }
}

/**
 * Writes a gzip (`.gz`, level 9) and a brotli (`.br`, quality 11) copy beside every text asset the
 * build emits in `assets/`, so the server sends compressed bytes without compressing per request
 * (server/http/static.ts picks one by Accept-Encoding). A copy that is not smaller is left out.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'oogst-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(path.join(outDir, 'assets'));
    },
  };
}
