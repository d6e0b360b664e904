import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Personal data at rest (个人信息保护): values such as ID numbers are stored
 * encrypted (AES-256-GCM) with a keyed hash beside them for exact-match lookups
 * and uniqueness, so the plain value never sits in the database.
 */
@Injectable()
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.encKey = createHash('sha256').update(`enc:${config.dataKey}`).digest();
    this.macKey = createHash('sha256').update(`mac:${config.dataKey}`).digest();
  }

  lookupHash(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('hex');
  }

  encrypt(value: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([c.update(value, 'utf8'), c.final()]);
    return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(stored: string): string {
    const [v, iv, tag, body] = stored.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown personal data format');
    const d = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  }
}
