import { type MatterContent, type ApiClient, ErrorCode, type Principal } from '@onewindow/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: ApiClient & { me: Principal };

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t?.close());

async function workbook(bytes: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}
const toBytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const versionCount = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM matter_version'))[0].n;
/** The 事项 sheet row of a matter, by name. */
function rowOf(ws: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(2).text === name) found = r;
  });
  return found!;
}

describe('Excel import and export', () => {
  it('an exported workbook re-imports unchanged; every element survives the round trip', async () => {
    const file = await admin.catalog.exportWorkbook();
    expect(file.fileName).toMatch(/^事项目录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await workbook(file.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项', '申请材料', '协办部门', '特别程序']);
    const json = await admin.catalog.exportFile();
    expect(wb.getWorksheet('事项')!.actualRowCount - 1).toBe(json.matters.length);
    expect(wb.getWorksheet('协办部门')!.actualRowCount).toBeGreaterThan(1);

    const report = await admin.catalog.importWorkbook(file.bytes, true);
    expect(report.fileErrors).toEqual([]);
    expect(report.rows.filter((r) => r.action !== 'UNCHANGED')).toEqual([]);
    expect(report.rows[0].sheetRow).toBe(2);
    await expectApiError(t.client().catalog.exportWorkbook(), 401);
  });

  it('a matter is never without its time limits, even as a draft: both exports hold published versions only', async () => {
    const food = (await t.client().guides.get('XK00001001')).content;
    const { statutoryLimit: _s, promisedLimit: _p, ...unlimited } = food;
    const refused = await expectApiError(
      admin.catalog.create({ content: { ...unlimited, name: '尚无时限的草稿' } as MatterContent }),
      400,
      ErrorCode.VALIDATION_FAILED,
    );
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(['content.promisedLimit', 'content.statutoryLimit']);
    await admin.catalog.create({ content: { ...food, name: '一份草稿' } });
    const file = await admin.catalog.exportWorkbook();
    const names: string[] = [];
    (await workbook(file.bytes)).getWorksheet('事项')!.eachRow((r) => void names.push(r.getCell(2).text));
    expect(names).toContain('食品经营许可');
    expect(names).not.toContain('一份草稿');
    expect((await admin.catalog.exportFile()).matters.map((m) => m.content.name)).not.toContain('一份草稿');
  });

  it('a dry run reports every bad cell by sheet and row; a bad file writes nothing; a good one becomes drafts', async () => {
    const wb = await workbook((await admin.catalog.exportWorkbook()).bytes);
    const matters = wb.getWorksheet('事项')!;
    const food = rowOf(matters, '食品经营许可');
    food.getCell(10).value = 9; // 承诺时限
    const other = rowOf(matters, '公共场所卫生许可');
    other.getCell(8).value = '十五'; // 法定时限
    other.getCell(4).value = 'NOPE'; // 实施部门编码
    wb.getWorksheet('申请材料')!.addRow(['XK09999001', '孤儿材料', '原件', 1, '是', '否']);
    wb.getWorksheet('申请材料')!.addRow([food.getCell(1).text, '新增材料', '扫描件', 1, '是', '否']);
    const before = await versionCount();

    const report = await admin.catalog.importWorkbook(await toBytes(wb), true);
    expect(report.ok).toBe(false);
    expect(report.fileErrors).toEqual([
      expect.stringMatching(/^申请材料表第 \d+ 行：事项编码 XK09999001 不在“事项”表中$/),
    ]);
    const foodReport = report.rows.find((r) => r.sheetRow === food.number)!;
    expect(foodReport.action).toBeNull();
    expect(Object.values(foodReport.errors).flat()).toEqual([
      expect.stringMatching(/^申请材料表第 \d+ 行：形式应为 原件、复印件、原件和复印件 之一$/),
    ]);
    const otherReport = report.rows.find((r) => r.sheetRow === other.number)!;
    expect(otherReport.errors).toEqual({
      'content.statutoryLimit': ['法定时限应为非负整数'],
      'content.departmentId': ['实施部门编码没有编码为 NOPE 的部门'],
    });
    expect(report.rows.filter((r) => r.action === null)).toHaveLength(2);

    const refused = await expectApiError(
      admin.catalog.importWorkbook(await toBytes(wb), false),
      400,
      ErrorCode.CATALOG_IMPORT_INVALID,
    );
    expect(refused.message).toBe('2 行有误、1 处文件问题，未导入任何内容；请先用试导入查看每行的问题');
    expect(await versionCount()).toBe(before);

    // Fix the file: only the edited matter changes, as a draft; the portal still shows the published version.
    const fixed = await workbook((await admin.catalog.exportWorkbook()).bytes);
    rowOf(fixed.getWorksheet('事项')!, '食品经营许可').getCell(10).value = 9;
    const done = await admin.catalog.importWorkbook(await toBytes(fixed), false);
    expect(done).toMatchObject({ ok: true, written: 1 });
    expect(done.rows.filter((r) => r.action === 'DRAFT')).toHaveLength(1);
    expect(await versionCount()).toBe(before + 1);
    const code = food.getCell(1).text;
    expect((await t.client().guides.get(code)).content.promisedLimit.value).not.toBe(9);
  });

  it('a file that is not a workbook, or not in the template layout, is refused with nothing written', async () => {
    const before = await versionCount();
    await expectApiError(
      admin.catalog.importWorkbook(new Uint8Array(Buffer.from('PK\x03\x04 not really a zip')), false),
      400,
      ErrorCode.CATALOG_IMPORT_INVALID,
    );
    await expectApiError(
      admin.request('POST', '/catalog/import.xlsx', {
        upload: { bytes: new Uint8Array(Buffer.from('a,b,c')), mediaType: 'text/csv' },
      }),
      415,
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['名称']);
    const report = await admin.catalog.importWorkbook(await toBytes(wb), true);
    expect(report).toMatchObject({ ok: false, rows: [], fileErrors: ['找不到“事项”工作表：请使用导出的模板'] });
    const lead = await t.loginAs('scjg.lead');
    await expectApiError(lead.catalog.importWorkbook(await toBytes(wb), true), 403, ErrorCode.AUTH_FORBIDDEN_ROLE);
    expect(await versionCount()).toBe(before);
  });
});
