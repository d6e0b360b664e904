export interface HealthDto {
  status: 'ok';
  uptimeSeconds: number;
}

export interface ReadinessDto {
  status: 'ready' | 'not_ready';
  database: { kind: 'postgres' | 'pglite'; ok: boolean };
}

export const RunMode = { PRODUCTION: 'production', DEMO: 'demo', TEST: 'test' } as const;
export type RunMode = (typeof RunMode)[keyof typeof RunMode];

export interface PlatformClockDto {
  now: string;
  mode: RunMode;
  /** Milliseconds the business clock runs ahead of the real clock. */
  offsetMs: number;
  adjustable: boolean;
}

export interface SetClockRequest {
  now: string;
}

export interface AdvanceClockRequest {
  /** How far to move forward, e.g. 3600 for one hour; never backwards. */
  seconds: number;
}
