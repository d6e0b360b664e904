import {
  AUDIENCE_LABELS,
  type CatalogFile,
  type CoDepartmentSpec,
  type FieldErrors,
  HANDLING_KIND_LABELS,
  LIMIT_UNIT_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_KEY_PATTERN,
  type MaterialSpec,
  type MatterContent,
  MATTER_TYPE_LABELS,
  PAUSE_REASON_LABELS,
  type SpecialProcedureSpec,
  type TimeLimitDto,
} from '@onewindow/shared';
import ExcelJS from 'exceljs';
import { addSheet, newWorkbook, workbookBytes } from '../../platform/documents/workbook.js';

/** Departments and windows by the codes people type into a spreadsheet. */
export interface WorkbookLookups {
  departments: { id: string; code: string }[];
  windows: { id: string; number: string }[];
}

/** What a workbook says, as a catalog file, plus what could not be read from each matter's rows. */
export interface ParsedWorkbook {
  file: CatalogFile;
  /** Per matter (same index as file.matters): cell problems, keyed like the JSON import's paths. */
  errors: FieldErrors[];
  /** Per matter: its row on the 事项 sheet. */
  sheetRows: number[];
  /** Problems not tied to one matter (a missing sheet, a row naming an unknown matter). */
  fileErrors: string[];
}

const SHEET = { matters: '事项', materials: '申请材料', coDepartments: '协办部门', special: '特别程序' } as const;
const YES = '是';
const NO = '否';
const LIST_SEPARATOR = /[、,，;；\n]+/;

type Labels = Record<string, string>;
const reverse = (labels: Labels) => new Map(Object.entries(labels).map(([k, v]) => [v, k]));

/** One column of the 事项 sheet: how to write it from content and read it back. */
interface Column {
  header: string;
  width: number;
  write(c: MatterContent, lk: Lookup): string | number;
  read(text: string, c: MatterContent, lk: Lookup, fail: (msg: string) => void): void;
}

class Lookup {
  readonly deptCode: Map<string, string>;
  readonly deptId: Map<string, string>;
  readonly windowNo: Map<string, string>;
  readonly windowId: Map<string, string>;
  constructor(lk: WorkbookLookups) {
    this.deptCode = new Map(lk.departments.map((d) => [d.id, d.code]));
    this.deptId = new Map(lk.departments.map((d) => [d.code, d.id]));
    this.windowNo = new Map(lk.windows.map((w) => [w.id, w.number]));
    this.windowId = new Map(lk.windows.map((w) => [w.number, w.id]));
  }
}

function labelColumn<K extends keyof MatterContent>(header: string, key: K, labels: Labels, width = 12): Column {
  const back = reverse(labels);
  return {
    header,
    width,
    write: (c) => labels[c[key] as string] ?? '',
    read: (text, c, _lk, fail) => {
      const v = back.get(text);
      if (v) (c as unknown as Record<string, unknown>)[key] = v;
      else fail(`应为 ${Object.values(labels).join('、')} 之一`);
    },
  };
}

function textColumn(
  header: string,
  key: 'name' | 'legalBasis' | 'acceptanceConditions' | 'description' | 'contactPhone' | 'complaintPhone',
  width = 30,
): Column {
  return { header, width, write: (c) => c[key], read: (text, c) => (c[key] = text) };
}

function listColumn(
  header: string,
  key: 'themes' | 'lifeEvents' | 'keywords' | 'feeItemCodes' | 'procedure',
  separator = '、',
): Column {
  return {
    header,
    width: key === 'procedure' ? 30 : 20,
    write: (c) => c[key].join(key === 'procedure' ? '\n' : separator),
    read: (text, c) =>
      (c[key] = text
        ? text
            .split(key === 'procedure' ? /\n+/ : LIST_SEPARATOR)
            .map((s) => s.trim())
            .filter(Boolean)
        : []),
  };
}

function limitColumns(label: string, key: 'statutoryLimit' | 'promisedLimit'): Column[] {
  const units = reverse(LIMIT_UNIT_LABELS);
  return [
    {
      header: label,
      width: 10,
      write: (c) => c[key]?.value ?? '',
      read: (text, c, _lk, fail) => (c[key].value = int(text, fail)),
    },
    {
      header: `${label}单位`,
      width: 10,
      write: (c) => (c[key] ? LIMIT_UNIT_LABELS[c[key].unit] : ''),
      read: (text, c, _lk, fail) => {
        const u = units.get(text);
        if (u) c[key].unit = u as TimeLimitDto['unit'];
        else fail(`应为 ${Object.values(LIMIT_UNIT_LABELS).join('、')} 之一`);
      },
    },
  ];
}

/** A limit that may be left empty (both cells blank: none). */
function optionalLimitColumns(label: string, key: 'greenChannelLimit'): Column[] {
  const units = reverse(LIMIT_UNIT_LABELS);
  return [
    {
      header: label,
      width: 10,
      write: (c) => c[key]?.value ?? '',
      read: (text, c, _lk, fail) => {
        if (text) c[key] = { value: int(text, fail), unit: c[key]?.unit ?? 'WORKING_DAY' };
      },
    },
    {
      header: `${label}单位`,
      width: 10,
      write: (c) => (c[key] ? LIMIT_UNIT_LABELS[c[key].unit] : ''),
      read: (text, c, _lk, fail) => {
        if (!text) return;
        const u = units.get(text);
        if (!u) fail(`应为 ${Object.values(LIMIT_UNIT_LABELS).join('、')} 之一`);
        else if (c[key]) c[key].unit = u as TimeLimitDto['unit'];
        else fail('填写了单位，请同时填写时限');
      },
    },
  ];
}

function int(text: string, fail: (msg: string) => void): number {
  if (!/^\d+$/.test(text)) {
    fail('应为非负整数');
    return 0;
  }
  return Number(text);
}

function yesNo(text: string, fail: (msg: string) => void): boolean {
  if (text === YES) return true;
  if (text === NO) return false;
  fail(`应为“${YES}”或“${NO}”`);
  return false;
}

const COLUMNS: Column[] = [
  { header: '事项编码', width: 14, write: () => '', read: () => undefined },
  textColumn('事项名称', 'name', 24),
  labelColumn('事项类型', 'matterType', MATTER_TYPE_LABELS),
  {
    header: '实施部门编码',
    width: 12,
    write: (c, lk) => lk.deptCode.get(c.departmentId) ?? '',
    read: (text, c, lk, fail) => {
      const id = lk.deptId.get(text.toUpperCase());
      if (id) c.departmentId = id;
      else fail(`没有编码为 ${text || '（空）'} 的部门`);
    },
  },
  {
    header: '受理窗口编号',
    width: 12,
    write: (c, lk) => (c.windowId ? (lk.windowNo.get(c.windowId) ?? '') : ''),
    read: (text, c, lk, fail) => {
      if (!text) c.windowId = null;
      else if (lk.windowId.has(text)) c.windowId = lk.windowId.get(text)!;
      else fail(`没有编号为 ${text} 的窗口`);
    },
  },
  labelColumn('服务对象', 'audience', AUDIENCE_LABELS),
  labelColumn('办件类型', 'handlingKind', HANDLING_KIND_LABELS),
  ...limitColumns('法定时限', 'statutoryLimit'),
  ...limitColumns('承诺时限', 'promisedLimit'),
  {
    header: '到现场次数',
    width: 10,
    write: (c) => c.visitsOnSite,
    read: (text, c, _lk, fail) => (c.visitsOnSite = int(text, fail)),
  },
  {
    header: '网上办理',
    width: 8,
    write: (c) => (c.onlineAvailable ? YES : NO),
    read: (text, c, _lk, fail) => (c.onlineAvailable = yesNo(text, fail)),
  },
  listColumn('主题', 'themes'),
  listColumn('人生事件', 'lifeEvents'),
  listColumn('关键词', 'keywords'),
  listColumn('收费项目编码', 'feeItemCodes'),
  textColumn('设定依据', 'legalBasis', 40),
  textColumn('受理条件', 'acceptanceConditions', 40),
  listColumn('办理流程（每行一步）', 'procedure'),
  textColumn('事项说明', 'description', 40),
  textColumn('咨询电话', 'contactPhone', 14),
  textColumn('投诉电话', 'complaintPhone', 14),
  ...optionalLimitColumns('绿色通道时限', 'greenChannelLimit'),
];
/** The content field each 事项 column fills, for error paths. */
const COLUMN_PATHS = [
  'code',
  'name',
  'matterType',
  'departmentId',
  'windowId',
  'audience',
  'handlingKind',
  'statutoryLimit',
  'statutoryLimit',
  'promisedLimit',
  'promisedLimit',
  'visitsOnSite',
  'onlineAvailable',
  'themes',
  'lifeEvents',
  'keywords',
  'feeItemCodes',
  'legalBasis',
  'acceptanceConditions',
  'procedure',
  'description',
  'contactPhone',
  'complaintPhone',
  'greenChannelLimit',
  'greenChannelLimit',
];

const MATERIAL_HEADERS = [
  '事项编码',
  '材料名称',
  '形式',
  '份数',
  '必需',
  '可容缺',
  '说明',
  '空白表格文件',
  '示例样表文件',
  '材料共享编码',
];
const CO_DEPARTMENT_HEADERS = ['事项编码', '协办部门编码', '子任务时限', '子任务时限单位', '超时默许同意'];
const SPECIAL_HEADERS = ['事项编码', '特别程序', '计入办理时限', '说明'];

/** Writes the catalog as an Excel workbook people can edit: one sheet of matters, one per repeated element. */
export async function writeCatalogWorkbook(file: CatalogFile, lookups: WorkbookLookups): Promise<Buffer> {
  const lk = new Lookup(lookups);
  const wb = newWorkbook(file.exportedAt ? new Date(file.exportedAt) : new Date(0));
  const sheet = (name: string, headers: { header: string; width: number }[]) => addSheet(wb, name, headers);
  const matters = sheet(SHEET.matters, COLUMNS);
  const materials = sheet(
    SHEET.materials,
    MATERIAL_HEADERS.map((h, i) => ({ header: h, width: i === 1 || i === 6 ? 30 : 12 })),
  );
  const coDepts = sheet(
    SHEET.coDepartments,
    CO_DEPARTMENT_HEADERS.map((h) => ({ header: h, width: 14 })),
  );
  const special = sheet(
    SHEET.special,
    SPECIAL_HEADERS.map((h, i) => ({ header: h, width: i === 3 ? 40 : 14 })),
  );
  for (const { code, content: c } of file.matters) {
    matters.addRow([code, ...COLUMNS.slice(1).map((col) => col.write(c, lk))]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
    for (const m of c.materials) {
      materials.addRow([
        code,
        m.name,
        MATERIAL_FORM_LABELS[m.form],
        m.copies,
        m.required ? YES : NO,
        m.deferrable ? YES : NO,
        m.notes ?? '',
        attachmentCell(m.blankForm),
        attachmentCell(m.sample),
        m.key ?? '',
      ]);
    }
    for (const d of c.coDepartments) {
      coDepts.addRow([
        code,
        lk.deptCode.get(d.departmentId) ?? '',
        d.subtaskLimit?.value ?? '',
        d.subtaskLimit ? LIMIT_UNIT_LABELS[d.subtaskLimit.unit] : '',
        d.silenceIsConsent ? YES : NO,
      ]);
    }
    for (const s of c.specialProcedures) {
      special.addRow([
        code,
        PAUSE_REASON_LABELS[s.kind],
        s.countsTowardLimit === null ? '' : s.countsTowardLimit ? YES : NO,
        s.description ?? '',
      ]);
    }
  }
  return workbookBytes(wb);
}

/** `name <fileId>` keeps an attachment through an export and re-import. */
const attachmentCell = (a: MaterialSpec['blankForm']) => (a ? `${a.fileName} <${a.fileId}>` : '');
const ATTACHMENT_CELL = /^(.*)\s<([0-9a-f-]{36})>$/i;

/** Reads a workbook written by writeCatalogWorkbook (or typed by hand in its layout). Throws only when it is not a workbook at all. */
export async function readCatalogWorkbook(bytes: Buffer, lookups: WorkbookLookups): Promise<ParsedWorkbook> {
  const lk = new Lookup(lookups);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: ParsedWorkbook = {
    file: { format: 'onewindow-catalog', formatVersion: 1, matters: [] },
    errors: [],
    sheetRows: [],
    fileErrors: [],
  };
  const ws = wb.getWorksheet(SHEET.matters);
  if (!ws) {
    out.fileErrors.push(`找不到“${SHEET.matters}”工作表：请使用导出的模板`);
    return out;
  }
  const headerProblem = checkHeaders(
    ws,
    COLUMNS.map((c) => c.header),
  );
  if (headerProblem) {
    out.fileErrors.push(headerProblem);
    return out;
  }
  const byCode = new Map<string, number>();
  ws.eachRow((row, rowNo) => {
    if (rowNo === 1 || rowIsEmpty(row)) return;
    const content = blankContent();
    const errors: FieldErrors = {};
    COLUMNS.forEach((col, i) => {
      if (i === 0) return;
      col.read(cellText(row.getCell(i + 1)), content, lk, (msg) =>
        (errors[`content.${COLUMN_PATHS[i]}`] ??= []).push(`${col.header}${msg}`),
      );
    });
    const code = cellText(row.getCell(1)).toUpperCase();
    if (code) byCode.set(code, out.file.matters.length);
    out.file.matters.push({ code, content });
    out.errors.push(errors);
    out.sheetRows.push(rowNo);
  });

  /** Rows of a child sheet, each given to `take` with the matter it belongs to. */
  const children = (
    name: string,
    headers: string[],
    take: (cells: string[], c: MatterContent, fail: (field: string, msg: string) => void, raw: string[]) => void,
  ) => {
    const sheet = wb.getWorksheet(name);
    if (!sheet) return;
    const problem = checkHeaders(sheet, headers);
    if (problem) return void out.fileErrors.push(problem);
    sheet.eachRow((row, rowNo) => {
      if (rowNo === 1 || rowIsEmpty(row)) return;
      const cells = headers.map((_, i) => cellText(row.getCell(i + 1)));
      const index = byCode.get(cells[0].toUpperCase());
      if (index === undefined)
        return void out.fileErrors.push(
          `${name}表第 ${rowNo} 行：事项编码 ${cells[0] || '（空）'} 不在“${SHEET.matters}”表中`,
        );
      const errors = out.errors[index];
      take(
        cells,
        out.file.matters[index].content,
        (field, msg) => (errors[`content.${field}`] ??= []).push(`${name}表第 ${rowNo} 行：${msg}`),
        cells,
      );
    });
  };
  const forms = reverse(MATERIAL_FORM_LABELS);
  children(
    SHEET.materials,
    MATERIAL_HEADERS,
    ([, name, form, copies, required, deferrable, notes, blank, sample, key], c, fail) => {
      const i = c.materials.length;
      const f = (field: string) => (msg: string) => fail(`materials.${i}.${field}`, msg);
      const m: MaterialSpec = {
        name: name,
        form:
          (forms.get(form) as MaterialSpec['form']) ??
          (f('form')(`形式应为 ${Object.values(MATERIAL_FORM_LABELS).join('、')} 之一`), 'ORIGINAL'),
        copies: int(copies, f('copies')),
        required: yesNo(required, f('required')),
        deferrable: yesNo(deferrable, f('deferrable')),
      };
      if (notes) m.notes = notes;
      if (key) {
        if (MATERIAL_KEY_PATTERN.test(key.toUpperCase())) m.key = key.toUpperCase();
        else f('key')('应为字母开头的字母、数字或下划线（2 至 40 位）');
      }
      for (const [key, text] of [
        ['blankForm', blank],
        ['sample', sample],
      ] as const) {
        if (!text) continue;
        const match = ATTACHMENT_CELL.exec(text);
        if (match) m[key] = { fileName: match[1].trim(), fileId: match[2].toLowerCase() };
        else f(key)('附件应写作“文件名 <文件编号>”，新附件请在系统中上传');
      }
      c.materials.push(m);
    },
  );
  const units = reverse(LIMIT_UNIT_LABELS);
  children(SHEET.coDepartments, CO_DEPARTMENT_HEADERS, ([, dept, value, unit, consent], c, fail) => {
    const i = c.coDepartments.length;
    const d: CoDepartmentSpec = {
      departmentId:
        lk.deptId.get(dept.toUpperCase()) ??
        (fail(`coDepartments.${i}.departmentId`, `没有编码为 ${dept || '（空）'} 的部门`), ''),
      subtaskLimit: {
        value: int(value, (msg) => fail(`coDepartments.${i}.subtaskLimit`, `子任务时限${msg}`)),
        unit:
          (units.get(unit) as TimeLimitDto['unit']) ??
          (fail(`coDepartments.${i}.subtaskLimit`, '时限单位不正确'), 'WORKING_DAY'),
      },
      silenceIsConsent: yesNo(consent, (msg) => fail(`coDepartments.${i}.silenceIsConsent`, `超时默许同意${msg}`)),
    };
    c.coDepartments.push(d);
  });
  const kinds = reverse(PAUSE_REASON_LABELS);
  children(SHEET.special, SPECIAL_HEADERS, ([, kind, counts, description], c, fail) => {
    const i = c.specialProcedures.length;
    const s: SpecialProcedureSpec = {
      kind:
        (kinds.get(kind) as SpecialProcedureSpec['kind']) ??
        (fail(`specialProcedures.${i}.kind`, `特别程序应为 ${Object.values(PAUSE_REASON_LABELS).join('、')} 之一`),
        'OTHER'),
      countsTowardLimit: counts
        ? yesNo(counts, (msg) => fail(`specialProcedures.${i}.countsTowardLimit`, `计入办理时限${msg}`))
        : null,
    };
    if (description) s.description = description;
    c.specialProcedures.push(s);
  });
  return out;
}

function blankContent(): MatterContent {
  return {
    name: '',
    matterType: 'ADMINISTRATIVE_LICENSE',
    departmentId: '',
    windowId: null,
    audience: 'BOTH',
    themes: [],
    lifeEvents: [],
    keywords: [],
    description: '',
    legalBasis: '',
    acceptanceConditions: '',
    materials: [],
    procedure: [],
    statutoryLimit: { value: 0, unit: 'WORKING_DAY' },
    promisedLimit: { value: 0, unit: 'WORKING_DAY' },
    greenChannelLimit: null,
    handlingKind: 'PROMISED',
    coDepartments: [],
    feeItemCodes: [],
    visitsOnSite: 0,
    specialProcedures: [],
    onlineAvailable: false,
    contactPhone: '',
    complaintPhone: '',
  };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(cell.text ?? v).trim();
}

function rowIsEmpty(row: ExcelJS.Row): boolean {
  return (row.values as unknown[]).every((v) => v === null || v === undefined || String(v).trim() === '');
}

function checkHeaders(ws: ExcelJS.Worksheet, headers: string[]): string | null {
  const got = headers.map((_, i) => cellText(ws.getRow(1).getCell(i + 1)));
  const bad = headers.findIndex((h, i) => got[i] !== h);
  return bad === -1
    ? null
    : `“${ws.name}”表第 ${bad + 1} 列应为“${headers[bad]}”，实为“${got[bad] || '（空）'}”：请使用导出的模板`;
}
