import { Injectable } from '@nestjs/common';
import {
  dateOfDay,
  type DeliverCaseRequest,
  DELIVERY_METHOD_LABELS,
  formatDeadline,
  Role,
  shanghaiDay,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { ClockReader, ClockService } from '../calendar/calendar.module.js';
import { CaseAccess } from './case-access.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import type { CaseEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

/**
 * The end of a case: delivery of the result (Art. 44) and completion, the 容缺 materials arriving after acceptance
 * (and the promises the sweep finds missed), and withdrawal by the applicant or at the window.
 */
@Injectable()
export class CaseDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly notices: CaseNoticeService,
    private readonly extensions: CaseExtensions,
    private readonly clocks: ClockService,
    private readonly clockReader: ClockReader,
    private readonly clock: PlatformClock,
  ) {}

  deliver(actor: RequestActor, id: string, dto: DeliverCaseRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      await this.deliverIn(m, c, actor, dto);
    });
  }

  /** Delivers a locked case in the caller's transaction (a bundle's parts are delivered together, checked by it). */
  async deliverIn(m: EntityManager, c: CaseEntity, actor: RequestActor, dto: DeliverCaseRequest): Promise<void> {
    this.ledger.assert(c, 'DELIVER');
    if (dto.method === 'MAIL' && !dto.carrier?.trim())
      throw CaseErrors.deliveryDetails('carrier', '邮寄送达须填写快递公司');
    if (dto.method === 'MAIL' && !dto.trackingNo?.trim())
      throw CaseErrors.deliveryDetails('trackingNo', '邮寄送达须填写运单号');
    await this.extensions.concluding(m, c);
    await this.clocks.stop(actor, c.deliveryClockId!, 'DELIVERED', m);
    const now = this.clock.now();
    const certificate = c.approved ? dto.certificateNo?.trim() || null : null;
    Object.assign(c, {
      deliveryMethod: dto.method,
      deliveryCarrier: dto.carrier?.trim() || null,
      deliveryTrackingNo: dto.trackingNo?.trim() || null,
      certificateNo: certificate,
      deliveredAt: now,
      // 办结类型: a 上报件 the center forwarded is 转报 (the decision was the higher authority's).
      completionCode: c.forwardedAt ? '4' : certificate ? '0' : '6',
      completedAt: now,
    });
    const noticeId = await this.notices.issue(m, c, 'DELIVERY_RECEIPT', {
      sections: [
        {
          rows: [
            ['送达方式', DELIVERY_METHOD_LABELS[dto.method]],
            ...(dto.method === 'MAIL' ? [['快递', `${dto.carrier} ${dto.trackingNo}`] as [string, string]] : []),
            [
              '送达文书',
              c.approved ? `准予许可决定书${certificate ? `；证照编号 ${certificate}` : ''}` : '不予许可决定书',
            ],
            ['送达时间', formatDeadline(now)],
          ],
        },
      ],
    });
    await this.ledger.step(m, c, 'DELIVER', 'COMPLETED', actor, {
      noticeId,
      details: { method: dto.method, certificateNo: certificate, completionCode: c.completionCode },
    });
  }

  /** 容缺: the deferred materials arrive (uploaded online or handed in at the window). */
  supplyDeferred(actor: RequestActor, id: string, indexes: number[]): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      const who = CaseAccess.ownerOrStaff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'SUPPLY_DEFERRED');
      const mats = [...(await this.ledger.materials(m, c.id)).values()].filter((x) =>
        indexes.includes(x.materialIndex),
      );
      for (const i of indexes)
        if (!mats.some((x) => x.materialIndex === i && x.status === 'DEFERRED')) throw CaseErrors.materialUnknown(i);
      const now = this.clock.now();
      for (const mat of mats) {
        if (who === 'APPLICANT' && !mat.fileId) throw CaseErrors.materialsIncomplete([`${mat.name}（请先上传）`]);
        mat.status = who === 'STAFF' ? 'ORIGINAL_SEEN' : 'PROVIDED';
        mat.suppliedAt = now;
        await this.ledger.writeMaterial(m, mat);
      }
      const late = c.deferredPromiseDate !== null && dateOfDay(shanghaiDay(now)) > c.deferredPromiseDate;
      if (late) c.deferredPromiseMissed = true;
      await this.ledger.step(m, c, 'SUPPLY_DEFERRED', c.state, actor, { details: { supplied: indexes, late } });
    });
  }

  /** Marks every 容缺 promise that has passed with materials still outstanding; returns the cases just marked. */
  async markMissedPromises(m: EntityManager): Promise<string[]> {
    const today = dateOfDay(shanghaiDay(this.clock.now()));
    const [rows]: [{ id: string }[], number] = await m.query(
      `UPDATE service_case sc SET deferred_promise_missed = true, updated_at = $2, version = version + 1
       WHERE deferred_promise_missed = false AND deferred_promise_date < $1
         AND EXISTS (SELECT 1 FROM case_material cm WHERE cm.case_id = sc.id AND cm.status = 'DEFERRED')
       RETURNING sc.id`,
      [today, this.clock.now()],
    );
    return rows.map((r) => r.id);
  }

  withdraw(actor: RequestActor, id: string, reason: string): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.ownerOrStaff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'WITHDRAW');
      for (const clock of (await this.clockReader.dtosOf(m, [c.acceptanceClockId, c.caseClockId])).values()) {
        if (clock.state !== 'STOPPED') await this.clocks.stop(actor, clock.id, 'WITHDRAWN', m);
      }
      await this.extensions.withdrawn(m, c, actor);
      Object.assign(c, { completionCode: c.state === 'DRAFT' ? null : '2', completedAt: this.clock.now() });
      await this.ledger.step(m, c, 'WITHDRAW', 'WITHDRAWN', actor, { opinion: reason.trim() });
    });
  }
}
