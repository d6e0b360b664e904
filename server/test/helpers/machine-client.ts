import type { ApiClient, CreateApiClientRequest } from '@onewindow/shared';
import type { TestApp } from './test-app.js';

export interface MachineCall {
  status: number;
  /** `Idempotent-Replayed` */
  replayed: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * A department's system as a test drives it: registered by `admin` on `app`, holding a client-credentials token, and
 * calling `/api/integration/v1` with it (and an Idempotency-Key when given).
 */
export async function machineClient(
  app: TestApp,
  admin: ApiClient,
  req: Omit<CreateApiClientRequest, 'contactName' | 'contactPhone'>,
) {
  const created = await admin.integration.create({ contactName: '王工程师', contactPhone: '13900000000', ...req });
  const res = await fetch(`${app.baseUrl}/api/integration/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: created.client.clientId,
      client_secret: created.clientSecret,
    }),
  });
  const token = ((await res.json()) as { access_token: string }).access_token;
  return {
    client: created.client,
    token,
    async call(method: string, path: string, body?: unknown, key?: string): Promise<MachineCall> {
      const r = await fetch(`${app.baseUrl}/api/integration/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      return { status: r.status, replayed: r.headers.get('idempotent-replayed'), body: text ? JSON.parse(text) : null };
    },
  };
}
