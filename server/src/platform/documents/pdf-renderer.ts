import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** One block of a formal document (告知单, 通知书): a heading and any of label rows, paragraphs, a numbered list, a table. */
export interface PdfSection {
  heading?: string;
  rows?: [label: string, value: string][];
  paragraphs?: string[];
  list?: string[];
  table?: { columns: string[]; widths: number[]; rows: string[][] };
}

export interface PdfSpec {
  title: string;
  /** Top-right reference, e.g. the receipt or case number. */
  reference?: string;
  /** The issuer, printed under the title. */
  issuer?: string;
  sections: PdfSection[];
  /** Prefix headings with 一、二、三、… */
  numberHeadings?: boolean;
  /** Printed after the last section: date and seal line. */
  closing?: string[];
  /** A QR code printed at the end with its caption, e.g. the progress page. */
  qr?: { url: string; caption: string };
  /** Small print at the bottom of every page. */
  footer?: string;
}

// Noto Sans Hans (OFL) comes from npm, so a fresh machine renders Chinese without system fonts.
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(join(FONT_DIR, 'NotoSansHans-Regular.otf')),
    bold: readFileSync(join(FONT_DIR, 'NotoSansHans-Bold.otf')),
  };
  return fonts;
}

const MARGIN = 56;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const INK = '#1f2329';
const MUTED = '#5c6370';

/** Renders the center's formal documents as A4 PDFs with embedded (subset) Chinese fonts. */
@Injectable()
export class PdfRenderer {
  async render(spec: PdfSpec): Promise<Buffer> {
    const f = loadFonts();
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: 'zh-CN',
      info: { Title: spec.title, Creator: 'OneWindow 一窗通办' },
      bufferPages: true,
    });
    doc.registerFont('body', f.regular);
    doc.registerFont('bold', f.bold);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const finished = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    const width = doc.page.width - MARGIN * 2;

    if (spec.reference) doc.font('body').fontSize(9).fillColor(MUTED).text(spec.reference, { align: 'right' });
    doc.font('bold').fontSize(20).fillColor(INK).text(spec.title, { align: 'center' });
    if (spec.issuer)
      doc.moveDown(0.2).font('body').fontSize(11).fillColor(MUTED).text(spec.issuer, { align: 'center' });
    doc.moveDown(0.8);

    let headingNo = 0;
    for (const s of spec.sections) {
      this.ensureRoom(doc, 48);
      if (s.heading) {
        const prefix = spec.numberHeadings ? `${CHINESE_NUMERALS[headingNo++] ?? headingNo}、` : '';
        doc
          .font('bold')
          .fontSize(13)
          .fillColor(INK)
          .text(prefix + s.heading, MARGIN);
        doc.moveDown(0.3);
      }
      doc.font('body').fontSize(10.5).fillColor(INK);
      for (const [label, value] of s.rows ?? []) {
        this.ensureRoom(doc, 20);
        doc
          .font('bold')
          .text(`${label}：`, MARGIN, undefined, { continued: true, width })
          .font('body')
          .text(value || '—');
      }
      for (const p of s.paragraphs ?? []) doc.text(p, MARGIN, undefined, { width, lineGap: 2 });
      (s.list ?? []).forEach((item, i) =>
        doc.text(`${i + 1}. ${item}`, MARGIN + 8, undefined, { width: width - 8, lineGap: 2 }),
      );
      if (s.table) this.table(doc, s.table, width);
      doc.moveDown(0.6);
    }

    for (const line of spec.closing ?? [])
      doc.font('body').fontSize(10.5).fillColor(INK).text(line, MARGIN, undefined, { width, align: 'right' });

    if (spec.qr) {
      this.ensureRoom(doc, 110);
      const png = await QRCode.toBuffer(spec.qr.url, { margin: 1, width: 240 });
      const y = doc.y + 8;
      doc.image(png, MARGIN, y, { width: 84 });
      doc
        .font('body')
        .fontSize(9)
        .fillColor(MUTED)
        .text(spec.qr.caption, MARGIN + 96, y + 20, { width: width - 96 })
        .text(spec.qr.url, { width: width - 96 });
      doc.y = y + 92;
    }

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.height - MARGIN + 16;
      doc.page.margins.bottom = 0;
      doc.font('body').fontSize(8).fillColor(MUTED);
      doc.text(
        `${spec.footer ? `${spec.footer}    ` : ''}第 ${i + 1 - range.start} 页 / 共 ${range.count} 页`,
        MARGIN,
        bottom,
        { width, align: 'center', lineBreak: false },
      );
    }
    doc.end();
    await finished;
    return Buffer.concat(chunks);
  }

  private ensureRoom(doc: PDFKit.PDFDocument, height: number) {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  }

  private table(doc: PDFKit.PDFDocument, t: NonNullable<PdfSection['table']>, width: number) {
    const total = t.widths.reduce((a, b) => a + b, 0);
    const cols = t.widths.map((w) => (w / total) * width);
    const pad = 4;
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? 'bold' : 'body').fontSize(9.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || '—', { width: cols[i] - pad * 2 }))) + pad * 2;
      if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        if (header) doc.rect(x, y, cols[i], h).fillAndStroke('#f2f3f5', '#c9cdd4');
        else doc.rect(x, y, cols[i], h).stroke('#c9cdd4');
        doc.fillColor(INK).text(c || '—', x + pad, y + pad, { width: cols[i] - pad * 2 });
        x += cols[i];
      });
      doc.x = MARGIN;
      doc.y = y + h;
    };
    drawRow(t.columns, true);
    for (const r of t.rows) drawRow(r, false);
  }
}

/** The line at the foot of every page of the center's documents: who issued it, where the hall is, whom to call. */
export const centerFooter = (center: { name: string; address: string; hotline: string; complaintPhone: string }) =>
  `${center.name} · ${center.address} · 服务热线 ${center.hotline} · 投诉 ${center.complaintPhone}`;
