import { Inject, Injectable } from '@nestjs/common';
import {
  AUDIENCE_LABELS,
  formatFeeStandard,
  formatShanghai,
  formatTimeLimit,
  HANDLING_KIND_LABELS,
  MATERIAL_FORM_LABELS,
  MATTER_TYPE_LABELS,
  PAUSE_REASON_LABELS,
} from '@onewindow/shared';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { centerFooter, PdfRenderer } from '../../platform/documents/pdf-renderer.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { FeeCatalogService } from './fee-catalog.service.js';
import { DepartmentService, ServiceWindowService } from '../organization/organization.module.js';
import { PublicCatalogService } from './public-catalog.service.js';

/**
 * 一次性告知单: everything an applicant needs to bring and know, on one printable page, so that no
 * clerk may later ask for something it does not list (DOMAIN.md §2).
 */
@Injectable()
export class NotificationSheetService {
  constructor(
    private readonly catalog: PublicCatalogService,
    private readonly departments: DepartmentService,
    private readonly windows: ServiceWindowService,
    private readonly fees: FeeCatalogService,
    private readonly pdf: PdfRenderer,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(code: string): Promise<{ fileName: string; pdf: Buffer }> {
    const v = await this.catalog.guide(code);
    const c = v.content;
    const depts = new Map((await this.departments.list()).map((d) => [d.id, d.name]));
    const window = c.windowId ? (await this.windows.list()).find((w) => w.id === c.windowId) : undefined;
    const fees = await this.fees.items(c.feeItemCodes);
    const pdf = await this.pdf.render({
      title: '一次性告知单',
      reference: `事项编码 ${v.code} · 第 ${v.versionNo} 版`,
      issuer: c.name,
      numberHeadings: true,
      sections: [
        {
          heading: '基本信息',
          rows: [
            ['实施部门', depts.get(c.departmentId) ?? ''],
            ['事项类型', MATTER_TYPE_LABELS[c.matterType]],
            ['办件类型', HANDLING_KIND_LABELS[c.handlingKind]],
            ['服务对象', AUDIENCE_LABELS[c.audience]],
            ['法定办结时限', formatTimeLimit(c.statutoryLimit)],
            ['承诺办结时限', formatTimeLimit(c.promisedLimit)],
            ['到现场次数', `${c.visitsOnSite} 次`],
            ['网上办理', c.onlineAvailable ? '可网上申请' : '须到窗口申请'],
            ...(c.coDepartments.length
              ? [
                  ['协办部门', c.coDepartments.map((d) => depts.get(d.departmentId) ?? '').join('、')] as [
                    string,
                    string,
                  ],
                ]
              : []),
          ],
        },
        { heading: '设定依据', paragraphs: [c.legalBasis] },
        { heading: '受理条件', paragraphs: [c.acceptanceConditions] },
        {
          heading: '申请材料',
          table: {
            columns: ['序号', '材料名称', '形式', '份数', '要求'],
            widths: [6, 40, 14, 8, 32],
            rows: c.materials.map((m, i) => [
              String(i + 1),
              m.name,
              MATERIAL_FORM_LABELS[m.form],
              String(m.copies),
              [m.required ? '必需' : '非必需', m.deferrable ? '可容缺后补' : '', m.notes ?? '']
                .filter(Boolean)
                .join('；'),
            ]),
          },
        },
        ...(c.procedure.length ? [{ heading: '办理流程', list: c.procedure }] : []),
        {
          heading: '收费',
          paragraphs: fees.length
            ? fees.map((f) => `${f.name}：${formatFeeStandard(f)}（依据：${f.legalBasis}）`)
            : ['本事项不收费。'],
        },
        ...(c.specialProcedures.length
          ? [
              {
                heading: '特别程序',
                list: c.specialProcedures.map(
                  (s) =>
                    `${PAUSE_REASON_LABELS[s.kind]}：${s.countsTowardLimit ? '计入' : '不计入'}办理时限${s.description ? `。${s.description}` : ''}`,
                ),
              },
            ]
          : []),
        {
          heading: '办理地点与咨询投诉',
          rows: [
            ['办理地点', `${this.config.center.name}（${this.config.center.address}）`],
            ['受理窗口', window ? `${window.number} 号窗口 ${window.name}` : '综合受理窗口'],
            ['办公时间', this.config.center.hours],
            ['咨询电话', c.contactPhone],
            ['投诉电话', c.complaintPhone],
          ],
        },
        {
          paragraphs: [
            '本告知单所列材料为申请本事项的全部材料。窗口工作人员不得要求申请人提交本告知单以外的材料；申请材料不齐全或者不符合法定形式的，应当一次告知申请人需要补正的全部内容。',
          ],
        },
      ],
      closing: [`告知日期：${formatShanghai(this.clock.now()).slice(0, 10)}`],
      footer: centerFooter(this.config.center),
    });
    return { fileName: `一次性告知单-${c.name}.pdf`, pdf };
  }
}
