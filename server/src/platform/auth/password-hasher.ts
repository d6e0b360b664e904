import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
@Injectable()
export class PasswordHasher {
  /** Verified against when a login is unknown, so timing does not tell which logins exist. */
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const h = hash ?? (await (this.dummy ??= this.hash('onewindow-dummy-password-1')));
    try {
      return (await argon2.verify(h, password)) && hash !== null;
    } catch {
      return false;
    }
  }
}
