import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** Poppler's pdftotext / pdfinfo (Debian `poppler-utils`; `.ci/run` installs it). */
export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function assertPopplerInCi(): void {
  if (!hasPoppler && (process.env.CI === 'true' || process.env.CI === '1')) {
    throw new Error('pdftotext not found: install poppler-utils (.ci/run does)');
  }
}

function withTempPdf<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-pdf-'));
  const file = path.join(dir, 'v.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext reads it. */
export const pdfText = (pdf: Buffer): string =>
  withTempPdf(pdf, (f) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));

/** `pdfinfo` fields, and the tagged structure with its text (`pdfinfo -struct-text`). */
export const pdfInfo = (pdf: Buffer): { info: string; struct: string; fonts: string } =>
  withTempPdf(pdf, (f) => ({
    info: execFileSync('pdfinfo', [f], { encoding: 'utf8' }),
    struct: execFileSync('pdfinfo', ['-struct-text', f], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [f], { encoding: 'utf8' }),
  }));

/**
 * What Poppler complains about while reading the PDF (pdfinfo, its structure tree, pdftotext):
 * every stderr line, e.g. "Syntax Warning (1234): Mismatched EMC operator". Empty for a sound file.
 */
export const popplerWarnings = (pdf: Buffer): string[] =>
  withTempPdf(pdf, (f) =>
    [
      ['pdfinfo', f],
      ['pdfinfo', '-struct-text', f],
      ['pdftotext', '-enc', 'UTF-8', f, '-'],
    ].flatMap(([bin, ...args]) => {
      const r = spawnSync(bin!, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) return [`${bin} exited with ${r.status}`];
      return r.stderr.split('\n').filter((l) => l.trim() !== '');
    }),
  );

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface DocxParagraph {
  style: string | null;
  numbered: boolean;
  text: string;
  rtl: boolean;
}

/** A DOCX unzipped, its document.xml read paragraph by paragraph; the raw parts for other checks. */
export function readDocx(docx: Buffer): {
  paragraphs: DocxParagraph[];
  xml: string;
  rels: string;
  numbering: string;
  styles: string;
} {
  const files = unzipSync(new Uint8Array(docx));
  const part = (name: string) => (files[name] ? strFromU8(files[name]!) : '');
  const xml = part('word/document.xml');
  const body = xml.slice(xml.indexOf('<w:body>'));
  const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    numbered: p.includes('<w:numPr>'),
    rtl: p.includes('<w:bidi/>') || p.includes('<w:bidi ') || p.includes('<w:rtl/>'),
    text: decodeXml(
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join(''),
    ),
  }));
  return {
    paragraphs,
    xml,
    rels: part('word/_rels/document.xml.rels'),
    numbering: part('word/numbering.xml'),
    styles: part('word/styles.xml'),
  };
}

/** RFC 4180 reader, enough to check every cell. */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
