import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** LibreOffice (Debian `libreoffice-writer`; `.ci/run` installs it), to open DOCX as Word users do. */
export const SOFFICE = ['soffice', 'libreoffice'].find((bin) => {
  try {
    execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});
export const hasLibreOffice = SOFFICE !== undefined;

/** Locally a missing LibreOffice skips those tests with a warning; under CI=true it fails the run. */
export function assertLibreOfficeInCi(): void {
  if (hasLibreOffice) return;
  const msg = 'LibreOffice not found: install it with sudo apt-get install -y libreoffice-writer';
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${msg} (.ci/run does)`);
  console.warn(`\n⚠ ${msg}\n  The LibreOffice checks of the Word export are skipped.\n`);
}

/**
 * Converts Word files to PDF with LibreOffice headless, all in one start (it takes 5–10 s to
 * start). A fresh profile per call, so parallel runs never share one. A file LibreOffice cannot
 * load gives `null` (it says "source file could not be loaded" and writes nothing). Asynchronous,
 * so a server in the same process keeps answering meanwhile.
 */
export async function docxToPdf(files: readonly Buffer[]): Promise<(Buffer | null)[]> {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-lo-'));
  try {
    const inputs = files.map((f, i) => {
      const file = path.join(dir, `in-${i}.docx`);
      fs.writeFileSync(file, f);
      return file;
    });
    const out = path.join(dir, 'out');
    await promisify(execFile)(
      SOFFICE,
      [
        `-env:UserInstallation=file://${path.join(dir, `lo-${randomUUID()}`)}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        ...inputs,
      ],
      { timeout: 180_000 },
    );
    return inputs.map((_, i) => {
      const pdf = path.join(out, `in-${i}.pdf`);
      return fs.existsSync(pdf) ? fs.readFileSync(pdf) : null;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses `xml` with a strict, well-formedness-checking parser (saxes); throws on the first error. */
export function parseXmlStrictly(xml: string): void {
  const parser = new SaxesParser();
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw error;
}

/** Every XML part of an Office file (`*.xml`, `*.rels`), by name. */
export function xmlParts(file: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(file)))) {
    if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(bytes);
  }
  return out;
}
