import { xmlSafe } from '../../shared/domain/chars';
import { cleanDoc } from '../../shared/report/clean';
import type { DocBlock } from '../../shared/report/document';
import { inlineText } from '../../shared/report/document';
import { type ReportLang, reportStrings } from '../../shared/report/strings';
import type { MeetingRecord } from '../storage/store';
import { type CsvInput, type CsvSeparator, toCsv } from './csv';
import { toHtml } from './html';
import { toMarkdown } from './markdown';
import type { RenderJob } from './render';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The read models an export renders, given by the caller (the HTTP route reads them from the
 * services); each is read only for the format asked. And where DOCX and PDF are rendered.
 */
export interface ExportSources {
  /** [REPORT10] The verslag's document as the server holds it. */
  report(meetingId: string): Promise<DocBlock[]>;
  /** The same, still encoded, with its template (for DOCX and PDF, decoded by the render worker). */
  reportState(meetingId: string): Promise<{ updates: Uint8Array[]; template: DocBlock[] }>;
  /** [REPORT11] Everything the CSV holds. */
  results(meetingId: string): Promise<CsvInput>;
  /** DOCX and PDF: rendered off the event loop (the app's `RenderPool`). */
  render(job: RenderJob): Promise<Buffer>;
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** `Begeleidingsgroep 31 maart` → `begeleidingsgroep-31-maart` (ASCII, for a file name). */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'bijeenkomst'
  );
}

/** The title of the verslag: its first level-1 heading, else "Verslag <meeting>". */
export function reportTitle(
  blocks: readonly DocBlock[],
  meeting: Pick<MeetingRecord, 'title'>,
  lang: ReportLang,
): string {
  const h1 = blocks.find((b) => b.type === 'heading' && b.level === 1);
  const text = h1 && h1.type === 'heading' ? inlineText(h1.content).replace(/\s+/g, ' ').trim() : '';
  return text || `${reportStrings(lang).titlePrefix} ${meeting.title}`;
}

/**
 * [REPORT10][REPORT11] An export of a meeting's verslag (from the server's own Y.Doc) or, for
 * CSV, of all its results.
 */
export async function renderExport(
  sources: ExportSources,
  meeting: MeetingRecord,
  format: ExportFormat,
  opts: { lang: ReportLang; sep: CsvSeparator },
): Promise<ExportFile> {
  const base = `${format === 'csv' ? 'resultaten' : 'verslag'}-${slug(meeting.title)}${meeting.date ? `-${meeting.date}` : ''}`;
  const file = (body: Buffer | string): ExportFile => ({
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType: TYPES[format],
    filename: `${base}.${format}`,
  });
  if (format === 'csv') return file(toCsv(await sources.results(meeting.id), opts));
  if (format === 'docx' || format === 'pdf') {
    const { updates, template } = await sources.reportState(meeting.id);
    return file(
      await sources.render({ format, updates, template, meetingTitle: meeting.title, lang: opts.lang }),
    );
  }
  // [XSS3] No export carries a character a document cannot hold (the writers check again).
  const blocks = cleanDoc(await sources.report(meeting.id));
  const title = xmlSafe(reportTitle(blocks, meeting, opts.lang));
  switch (format) {
    case 'md':
      return file(toMarkdown(blocks));
    case 'html':
      return file(toHtml(blocks, { title, lang: opts.lang }));
  }
}
