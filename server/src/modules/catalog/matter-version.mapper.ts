import type { MatterVersionDto } from '@onewindow/shared';
import type { MatterVersionEntity } from './catalog.entities.js';

export function toVersionDto(v: MatterVersionEntity, code: string): MatterVersionDto {
  return {
    id: v.id,
    matterId: v.matterId,
    code,
    versionNo: v.versionNo,
    status: v.status,
    content: v.content,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    endedAt: v.endedAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
  };
}
