import PDFDocument from 'pdfkit';
import { xmlSafe } from '../../../shared/domain/chars';
import { cleanDoc } from '../../../shared/report/clean';
import type { DocBlock } from '../../../shared/report/document';
import type { ReportLang } from '../../../shared/report/strings';
import { BODY, COLOR, HEADING, INDENT, LINE, Writer } from './writer';

function render(
  w: Writer,
  blocks: readonly DocBlock[],
  parent: PDFKit.PDFStructureElement,
  indent: number,
  quote: boolean,
): void {
  const doc = w.doc;
  for (const b of blocks) {
    switch (b.type) {
      case 'heading': {
        const h = HEADING[b.level];
        const el = doc.struct(`H${b.level}` as 'H1');
        parent.add(el);
        el.add(() => {
          if (w.y > w.doc.page.margins.top) w.y += h.before;
          // Keep a heading with the two lines after it.
          w.paragraph(b.content, { size: h.size, style: h.style, color: COLOR }, indent, BODY * LINE * 2);
          w.y += h.after;
        });
        el.end();
        break;
      }
      case 'paragraph': {
        const el = doc.struct('P');
        parent.add(el);
        el.add(() => {
          w.paragraph(
            b.content,
            { size: BODY, style: quote ? 'italic' : 'regular', color: quote ? '#404040' : COLOR },
            indent,
            0,
            quote,
          );
          w.y += 5;
        });
        el.end();
        break;
      }
      case 'quote': {
        const el = doc.struct('BlockQuote');
        parent.add(el);
        render(w, b.children, el, indent + INDENT, true);
        el.end();
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const list = doc.struct('L');
        parent.add(list);
        b.items.forEach((item, n) => {
          const li = doc.struct('LI');
          list.add(li);
          const label = b.type === 'bulletList' ? '•' : `${b.start + n}.`;
          // The page break comes before the label, not inside its marked content.
          w.ensure(BODY * LINE);
          li.add(doc.struct('Lbl', {}, () => w.label(label, indent + INDENT)));
          const body = doc.struct('LBody');
          li.add(body);
          render(
            w,
            item.length > 0 ? item : [{ type: 'paragraph', content: [] }],
            body,
            indent + INDENT,
            quote,
          );
          body.end();
          li.end();
        });
        list.end();
        break;
      }
    }
  }
}

/**
 * [REPORT10] The verslag as a tagged PDF (pdfkit): embedded DejaVu Sans and Noto Emoji, so Dutch
 * diacritics, Hebrew, Arabic and emoji in people's text print; right-to-left paragraphs right
 * aligned with their words in visual order; document language and title set.
 */
export function toPdf(doc: readonly DocBlock[], opts: { title: string; lang: ReportLang }): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    tagged: true,
    pdfVersion: '1.7',
    lang: opts.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    // [XSS3] The title also goes into the XMP metadata, which is XML.
    info: { Title: xmlSafe(opts.title), Creator: 'Oogst', Producer: 'Oogst (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const writer = new Writer(pdf);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  render(writer, cleanDoc(doc), root, 0, false);
  root.end();
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const label =
      opts.lang === 'nl' ? `Pagina ${i + 1} van ${range.count}` : `Page ${i + 1} of ${range.count}`;
    pdf.markContent('Artifact', { type: 'Pagination' });
    const w = pdf.font('regular').fontSize(8.5).widthOfString(label);
    pdf.fillColor('#555555').text(label, (pdf.page.width - w) / 2, pdf.page.height - 40, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
    pdf.endMarkedContent();
  }
  pdf.end();
  return done;
}
