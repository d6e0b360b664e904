import { createHash } from 'node:crypto';
import type { UploadedBody } from './binary-body.js';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type StoredFileDto } from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PlatformClock } from '../clock/platform-clock.service.js';
import { DomainException } from '../errors/domain.exception.js';
import { bytesMatch, cleanFileName, type FileMediaType, FILE_TYPES, isKnownMediaType } from './file-types.js';
import { StoredFileEntity } from './stored-file.entity.js';

export interface FilePolicy {
  purpose: string;
  /** Types this purpose accepts. */
  types: readonly FileMediaType[];
  /** At most this many bytes (never more than the server's upload limit). */
  maxBytes?: number;
}

export const FileErrors = {
  empty: () => new DomainException(ErrorCode.FILE_EMPTY, 400, '文件为空'),
  tooLarge: (max: number) =>
    new DomainException(ErrorCode.FILE_TOO_LARGE, 413, `文件超过 ${Math.floor(max / 1_048_576)} MB 的上限`, {
      maxBytes: max,
    }),
  typeNotAllowed: (types: readonly string[]) =>
    new DomainException(
      ErrorCode.FILE_TYPE_NOT_ALLOWED,
      415,
      `只接受 ${types.map((t) => FILE_TYPES[t as FileMediaType]?.ext.toUpperCase() ?? t).join('、')} 文件`,
      { allowed: types },
    ),
  contentMismatch: () =>
    new DomainException(ErrorCode.FILE_CONTENT_MISMATCH, 400, '文件内容与其类型不符（可能已损坏或被改名），未保存'),
  notFound: () => new DomainException(ErrorCode.FILE_NOT_FOUND, 404, '文件不存在'),
};

export function toStoredFileDto(f: StoredFileEntity): StoredFileDto {
  return {
    id: f.id,
    fileName: f.fileName,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  };
}

/** Checks and keeps uploaded files; the one way bytes enter and leave the system. */
@Injectable()
export class FileStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks type (declared and by content), size and name; stores nothing when any check fails. */
  async store(
    m: EntityManager,
    policy: FilePolicy,
    upload: UploadedBody,
    createdBy: string | null,
  ): Promise<StoredFileEntity> {
    const bytes = upload.bytes;
    if (bytes === undefined || bytes === null || (Buffer.isBuffer(bytes) && bytes.length === 0))
      throw FileErrors.empty();
    const mediaType = (upload.mediaType ?? '').split(';')[0].trim().toLowerCase();
    if (!isKnownMediaType(mediaType) || !policy.types.includes(mediaType) || !Buffer.isBuffer(bytes))
      throw FileErrors.typeNotAllowed(policy.types);
    const max = Math.min(policy.maxBytes ?? Infinity, this.config.http.uploadLimitBytes);
    if (bytes.length > max) throw FileErrors.tooLarge(max);
    if (!bytesMatch(mediaType, bytes)) throw FileErrors.contentMismatch();
    const entity = m.create(StoredFileEntity, {
      purpose: policy.purpose,
      fileName: cleanFileName(upload.fileName, mediaType),
      mediaType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      createdAt: this.clock.now(),
      createdBy,
    });
    return m.save(entity);
  }

  /** Metadata of the given files that exist with this purpose. */
  async describe(
    ids: string[],
    purpose: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<StoredFileEntity[]> {
    if (!ids.length) return [];
    return m
      .createQueryBuilder(StoredFileEntity, 'f')
      .where('f.id = ANY(:ids) AND f.purpose = :purpose', { ids, purpose })
      .getMany();
  }

  /** A file with its bytes, if it exists with this purpose. */
  async read(id: string, purpose: string): Promise<StoredFileEntity> {
    const f = await this.dataSource
      .getRepository(StoredFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.id = :id AND f.purpose = :purpose', { id, purpose })
      .getOne();
    if (!f) throw FileErrors.notFound();
    return f;
  }
}
