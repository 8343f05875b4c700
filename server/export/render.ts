import * as Y from 'yjs';
import { xmlSafe } from '../../shared/domain/chars';
import { cleanDoc } from '../../shared/report/clean';
import { type DocBlock, isEmptyDoc } from '../../shared/report/document';
import type { ReportLang } from '../../shared/report/strings';
import { readReport } from '../../shared/report/ydoc';
import { toDocx } from './docx';
import { reportTitle } from './index';
import { toPdf } from './pdf/pdf';

/** The formats that are rendered off the event loop (server/export/pool.ts): the heavy ones. */
export type RenderFormat = 'docx' | 'pdf';

/**
 * One document to render: the verslag still encoded (Yjs updates, as the server holds them), its
 * template for when it is empty, the meeting's title and the language. Plain data: it crosses
 * threads, the updates without a copy.
 */
export interface RenderJob {
  format: RenderFormat;
  updates: Uint8Array[];
  template: DocBlock[];
  meetingTitle: string;
  lang: ReportLang;
}

/**
 * Decodes, cleans and renders a DOCX or a PDF. Runs in a render worker (renderWorker.ts), never on
 * the server's event loop: for a verslag of hundreds of pages each step takes a while.
 */
export function renderDocument(job: RenderJob): Promise<Buffer> {
  const doc = new Y.Doc();
  for (const u of job.updates) Y.applyUpdate(doc, u);
  const read = readReport(doc);
  doc.destroy();
  // [XSS3] No export carries a character a document cannot hold (the writers check again).
  const blocks = cleanDoc(isEmptyDoc(read) ? job.template : read);
  const opts = { title: xmlSafe(reportTitle(blocks, { title: job.meetingTitle }, job.lang)), lang: job.lang };
  return job.format === 'docx' ? toDocx(blocks, opts) : toPdf(blocks, opts);
}
