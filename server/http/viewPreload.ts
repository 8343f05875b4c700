import fs from 'node:fs';
import path from 'node:path';

/**
 * [PERF4] The view a staff or screen link opens is a lazy chunk (client/App.tsx): the browser
 * would find it only after the entry has downloaded and run, one round trip and a few hundred
 * milliseconds of a slow phone later. index.html, as sent for such a link, names the view's chunk
 * and the chunks it imports as `modulepreload` (its CSS as a stylesheet) so they download beside
 * the entry. Read from the build's manifest (`build.manifest` in client/vite.config.ts); a view
 * the manifest lacks simply gets no hints.
 */
const VIEWS: [RegExp, string][] = [
  [/^\/m\/[^/]+\/verslag\/?$/, 'features/secretary/SecretaryView.tsx'],
  [/^\/m\/[^/]+\/leiding\/verslag\/?$/, 'features/facilitator/FacilitatorReportView.tsx'],
  [/^\/m\/[^/]+\/leiding\/?$/, 'features/facilitator/FacilitatorView.tsx'],
  [/^\/m\/[^/]+\/scherm\/?$/, 'features/screen/ScreenView.tsx'],
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Files a chunk needs before it runs: itself and its static imports, all the way down. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) closure(manifest, k, seen);
  return seen;
}

function hintsFor(manifest: Manifest, view: string): string {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  // What index.html already loads: the entry and its static imports.
  const loaded = entry ? closure(manifest, entry) : new Set<string>();
  const tags: string[] = [];
  for (const key of closure(manifest, view)) {
    if (loaded.has(key)) continue;
    const chunk = manifest[key]!;
    tags.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
    for (const css of chunk.css ?? []) tags.push(`<link rel="stylesheet" crossorigin href="/${css}">`);
  }
  return tags.join('\n    ');
}

/**
 * index.html for a path: with the view's preload hints where the path opens a lazy view. Re-read
 * when a new build replaced index.html.
 */
export function indexPages(clientDir: string): (pathname: string) => string | null {
  const index = path.join(clientDir, 'index.html');
  const manifestFile = path.join(clientDir, '.vite', 'manifest.json');
  let cache: { mtime: number; plain: string; views: string[] } | null = null;
  const load = () => {
    const mtime = fs.statSync(index).mtimeMs;
    if (cache?.mtime === mtime) return cache;
    const plain = fs.readFileSync(index, 'utf8');
    let manifest: Manifest = {};
    try {
      manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    } catch {
      // No manifest (an older build): no hints.
    }
    const views = VIEWS.map(([, module]) => {
      const hints = manifest[module] ? hintsFor(manifest, module) : '';
      return hints ? plain.replace('</head>', `  ${hints}\n  </head>`) : plain;
    });
    cache = { mtime, plain, views };
    return cache;
  };
  return (pathname) => {
    if (!fs.existsSync(index)) return null;
    const pages = load();
    const i = VIEWS.findIndex(([re]) => re.test(pathname));
    return i < 0 ? pages.plain : pages.views[i]!;
  };
}
