import ExcelJS from 'exceljs';

/** An Excel workbook as the platform writes them: named creator, a fixed creation time (so exports compare). */
export function newWorkbook(created: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow 一窗通办';
  wb.created = created;
  return wb;
}

/** A sheet with a bold, shaded header row, frozen with its first column. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: { header: string; width: number }[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h.header, width: h.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F3F5' } };
  return ws;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
