import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CASE_NOTICE_LABELS,
  type CaseNoticeKind,
  formatDeadline,
  formatShanghai,
  maskIdNumber,
} from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { centerFooter } from '../../platform/documents/pdf-renderer.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { PdfRenderer, type PdfSection } from '../../platform/documents/pdf-renderer.js';
import { DepartmentService } from '../organization/organization.module.js';
import { CaseEntity, CaseNoticeEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

/**
 * The written notices of a case (收件回执, 受理通知书 …). Each is frozen when issued, in the transaction
 * of the step that issues it, and rendered to the same PDF whenever it is downloaded.
 */
const CONCLUDING: readonly CaseNoticeKind[] = ['DECISION', 'DELIVERY_RECEIPT'];

@Injectable()
export class CaseNoticeService {
  constructor(
    private readonly pdf: PdfRenderer,
    private readonly departments: DepartmentService,
    private readonly clock: PlatformClock,
    private readonly cipher: PersonalDataCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The public progress page of a case, as printed in the QR code. */
  progressUrl(c: CaseEntity): string {
    return `${this.config.http.publicUrl}/progress?no=${encodeURIComponent(c.caseNo ?? c.receiptNo ?? '')}&code=${c.queryCode ?? ''}`;
  }

  /** The public rating page of a case (一事一评), as printed in the QR code of the notices that conclude it. */
  ratingUrl(c: CaseEntity): string {
    return `${this.config.http.publicUrl}/rate?no=${encodeURIComponent(c.caseNo ?? c.receiptNo ?? '')}&code=${c.queryCode ?? ''}`;
  }

  async issue(
    m: EntityManager,
    c: CaseEntity,
    kind: CaseNoticeKind,
    body: { sections: PdfSection[]; due?: { label: string; at: Date } },
  ): Promise<string> {
    const now = this.clock.now();
    const idNumber = c.applicantIdNumber ? this.cipher.decrypt(c.applicantIdNumber) : '';
    const dept = (await this.departments.require(m, c.departmentId)).name;
    const content = {
      title: CASE_NOTICE_LABELS[kind],
      reference: [c.caseNo ? `办件编号 ${c.caseNo}` : null, c.receiptNo ? `收件编号 ${c.receiptNo}` : null]
        .filter(Boolean)
        .join(' · '),
      issuer: `${dept} · ${this.config.center.name}`,
      sections: [
        {
          rows: [
            ['申请人', c.applicantName],
            ['证件号码', maskIdNumber(idNumber)],
            ['申请事项', `${c.matterName}（${c.matterCode}，第 ${c.matterVersionNo} 版）`],
            ...(c.receivedAt ? [['收件时间', formatShanghai(c.receivedAt)] as [string, string]] : []),
            ...(body.due ? [[body.due.label, formatDeadline(body.due.at)] as [string, string]] : []),
            ['查询码', c.queryCode ?? ''],
          ] as [string, string][],
        },
        ...body.sections,
      ],
      closing: [`${dept}（${this.config.center.name}窗口）`, formatShanghai(now).slice(0, 10)],
      // The notices that conclude a case lead to its rating (一事一评); the others to its progress.
      qr: CONCLUDING.includes(kind)
        ? { url: this.ratingUrl(c), caption: '扫码或访问以下地址，评价本次办理（好差评）：' }
        : { url: this.progressUrl(c), caption: '扫码或访问以下地址，凭编号和查询码查询办理进度、下载本文书：' },
      footer: centerFooter(this.config.center),
    };
    // Written at the commit: nothing reads a notice in the transaction that issues it.
    const notice = m.create(CaseNoticeEntity, { id: randomUUID(), caseId: c.id, kind, content, createdAt: now });
    DeferredWrites.insert(m, CaseNoticeEntity, [notice]);
    return notice.id;
  }

  async render(m: EntityManager, caseId: string, noticeId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const n = await m.findOneBy(CaseNoticeEntity, { id: noticeId, caseId });
    if (!n) throw CaseErrors.notFound();
    return { fileName: `${n.content.title}.pdf`, pdf: await this.pdf.render(n.content) };
  }
}
