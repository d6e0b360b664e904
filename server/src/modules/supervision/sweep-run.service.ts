import { Injectable } from '@nestjs/common';
import type { SweepRunDto } from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { SweepRunEntity } from './supervision.entities.js';

/** The record of sweeps, visible to supervisors. */
@Injectable()
export class SweepRunService {
  constructor(private readonly dataSource: DataSource) {}

  async recent(limit = 50): Promise<SweepRunDto[]> {
    const rows = await this.dataSource
      .getRepository(SweepRunEntity)
      .find({ order: { startedAt: 'DESC' }, take: limit });
    return rows.map(toRunDto);
  }

  async last(): Promise<SweepRunDto | null> {
    const [row] = await this.dataSource
      .getRepository(SweepRunEntity)
      .find({ where: { status: 'DONE' }, order: { startedAt: 'DESC' }, take: 1 });
    return row ? toRunDto(row) : null;
  }

  async get(id: string): Promise<SweepRunDto> {
    return toRunDto(await this.dataSource.getRepository(SweepRunEntity).findOneByOrFail({ id }));
  }
}

export function toRunDto(r: SweepRunEntity): SweepRunDto {
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    asOf: r.asOf.toISOString(),
    examined: r.examined,
    yellow: r.yellow,
    red: r.red,
    deemedAccepted: r.deemedAccepted,
    deemedApproved: r.deemedApproved,
    promisesMissed: r.promisesMissed,
    instance: r.instance,
    status: r.status as SweepRunDto['status'],
    error: r.error,
  };
}
