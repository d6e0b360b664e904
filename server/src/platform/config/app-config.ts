import path from 'node:path';
import { type CenterProfileDto, RunMode } from '@onewindow/shared';

/** Everything the server reads from its environment, validated once at boot. */
export interface AppConfig {
  mode: RunMode;
  http: {
    host: string;
    port: number;
    trustProxy: boolean;
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    publicUrl: string;
  };
  database: {
    /** A PostgreSQL URL, or null for the embedded PGlite. */
    url: string | null;
    dataDir: string | null;
    /** PostgreSQL shared_buffers of the embedded database: small by default, it holds a center's working set. */
    embeddedSharedBuffers: string;
    runMigrations: boolean;
    poolSize: number;
    /** DB_STATEMENT_LOG: a file for every statement sent (not in production); see PreparingClient. */
    statementLog: string | null;
    seedDemo: boolean;
    /** Demo mode: weeks of past work done through the services, so the boards have history. */
    seedDemoHistory: boolean;
  };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    lockoutThreshold: number;
    lockoutMinutes: number;
  };
  clock: { initialNow: Date | null };
  /** Key for personal data at rest (ID numbers): encryption and lookup hashes. */
  dataKey: string;
  rateLimit: { loginPerMinute: number; publicPerMinute: number };
  /** How long before its arrival a department's system may say an act happened before it counts as 体外循环. */
  integration: { offBookWindowMinutes: number };
  /**
   * Webhook deliveries: whether this instance runs the worker, how often it looks for work, the waits between
   * attempts (the last one spent, a delivery is given up), the receiver's time to answer, and whether URLs on
   * loopback and private ranges are allowed (never in production: SSRF).
   */
  webhooks: { worker: boolean; pollMs: number; retrySeconds: number[]; timeoutMs: number; allowPrivate: boolean };
  /**
   * 统一收费: the 6-digit region opening every payment code, working days a notice gives to pay, the collecting bank's
   * online payment page (`{code}` is replaced by the payment code; null: pay at the bank only), and the working days
   * a reconciliation difference may stay open before the finance office is carded.
   */
  fees: { regionCode: string; dueWorkingDays: number; payUrl: string | null; reconciliationDays: number };
  /** The center as the public meets it, one source for every page and document: name, hall, hours and phones. */
  center: Omit<CenterProfileDto, 'visitWorkingDays'>;
  /** 好差评 and 投诉: working days for the return visit, the default rectification (5–15), and a complaint's answer. */
  evaluation: { visitWorkingDays: number; rectifyWorkingDays: number; complaintWorkingDays: number };
  /** The supervision sweep: seconds between runs, 0 = only on demand (tests). */
  supervision: { sweepIntervalSeconds: number };
  /** `requests`: one info line per request (production); otherwise request lines are at debug level. */
  log: { level: string; requests: boolean };
  /** METRICS_TOKEN: when set, /api/metrics answers only a scrape that presents it as a Bearer token. */
  metricsToken: string | null;
  /** Built SPA folders to serve, or null when the API runs alone. */
  spaRoot: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'onewindow-development-secret-change-me-000000';

export function loadConfig(env: Env = process.env, defaults: Partial<Env> = {}): AppConfig {
  const problems: string[] = [];
  const get = (k: string) => env[k] ?? defaults[k];

  const int = (key: string, def: number, min: number, max: number): number => {
    const raw = get(key);
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${key}=${raw}: 需要 ${min}..${max} 之间的整数 (an integer from ${min} to ${max})`);
      return def;
    }
    return n;
  };
  const bool = (key: string, def: boolean): boolean => {
    const raw = get(key);
    if (raw === undefined || raw === '') return def;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${key}=${raw}: 需要 true 或 false`);
    return def;
  };

  // About three days in all (71.6 h), after Standard Webhooks' recommended schedule.
  const retrySeconds = (): number[] => {
    const raw = get('WEBHOOK_RETRY_SECONDS');
    const def = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 72_000];
    if (raw === undefined) return def;
    const list = raw.split(',').map((x) => Number(x.trim()));
    if (!list.length || list.length > 30 || list.some((x) => !Number.isFinite(x) || x <= 0 || x > 604_800)) {
      problems.push(`WEBHOOK_RETRY_SECONDS=${raw}: 需要 1 至 30 个以逗号分隔的正秒数（每个不超过 604800）`);
      return def;
    }
    return list;
  };
  const modeRaw = get('ONEWINDOW_MODE') ?? (get('NODE_ENV') === 'production' ? 'production' : 'demo');
  const modes = Object.values(RunMode) as string[];
  const regionCode = () => {
    const raw = get('FEES_REGION_CODE') ?? '330100';
    if (!/^\d{6}$/.test(raw)) problems.push(`FEES_REGION_CODE=${raw}: 需要 6 位数字的行政区划代码`);
    return raw;
  };
  /** A line of the center's profile: printed text, short and on one line. */
  const line = (key: string, def: string): string => {
    const raw = get(key)?.trim();
    if (!raw) return def;
    if (raw.length > 100 || [...raw].some((ch) => ch.charCodeAt(0) < 32)) {
      problems.push(`${key}: 需要 100 字以内的一行文字`);
      return def;
    }
    return raw;
  };
  const payUrl = () => {
    const raw = get('FEES_PAY_URL');
    if (raw && !(/^https?:\/\//.test(raw) && raw.includes('{code}')))
      problems.push(`FEES_PAY_URL=${raw}: 需要 http(s) 地址，并以 {code} 标出缴款码的位置`);
    return raw ?? null;
  };
  if (!modes.includes(modeRaw)) problems.push(`ONEWINDOW_MODE=${modeRaw}: 需要 ${modes.join(' | ')} 之一`);
  const mode = (modes.includes(modeRaw) ? modeRaw : 'demo') as RunMode;

  const url = get('DATABASE_URL') || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) problems.push(`DATABASE_URL: 需要 postgres:// 开头的连接串`);

  let jwtSecret = get('JWT_SECRET') ?? '';
  if (!jwtSecret) {
    if (mode === 'production') problems.push('JWT_SECRET: 生产模式必须设置（至少 32 个字符）');
    jwtSecret = DEV_SECRET;
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET: 至少 32 个字符');
  }

  let dataKey = get('ONEWINDOW_DATA_KEY') ?? '';
  if (!dataKey) {
    if (mode === 'production')
      problems.push('ONEWINDOW_DATA_KEY: 生产模式必须设置（至少 32 个字符），用于加密身份证号等个人信息');
    dataKey = DEV_SECRET;
  } else if (dataKey.length < 32) {
    problems.push('ONEWINDOW_DATA_KEY: 至少 32 个字符');
  }

  let initialNow: Date | null = null;
  const nowRaw = get('ONEWINDOW_NOW');
  if (nowRaw) {
    if (mode === 'production') problems.push('ONEWINDOW_NOW: 生产模式不能设置业务时间');
    const d = new Date(nowRaw);
    if (Number.isNaN(d.getTime()))
      problems.push(`ONEWINDOW_NOW=${nowRaw}: 需要 ISO 8601 时间，如 2026-03-02T09:00:00+08:00`);
    else initialNow = d;
  }

  const sharedBuffers = get('PGLITE_SHARED_BUFFERS') ?? '16MB';
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers))
    problems.push(`PGLITE_SHARED_BUFFERS=${sharedBuffers}: 需要如 16MB、128MB 的大小`);

  const logLevel = get('LOG_LEVEL') ?? (mode === 'test' ? 'warn' : 'info');
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: 需要 ${levels.join(' | ')} 之一`);

  const config: AppConfig = {
    mode,
    http: {
      host: get('HOST') ?? '0.0.0.0',
      port: int('PORT', 3000, 0, 65535),
      trustProxy: bool('TRUST_PROXY', false),
      bodyLimitBytes: int('HTTP_BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
      uploadLimitBytes: int('HTTP_UPLOAD_LIMIT_BYTES', 10 * 1_048_576, 1024, 200 * 1_048_576),
      // Where citizens reach the portal: printed (as a QR code) on every notice.
      publicUrl: (get('PUBLIC_URL') ?? `http://localhost:${int('PORT', 3000, 0, 65535)}`).replace(/\/$/, ''),
    },
    database: {
      url,
      dataDir: url
        ? null
        : get('ONEWINDOW_DATA_DIR') === 'memory'
          ? null
          : path.resolve(get('ONEWINDOW_DATA_DIR') ?? './data'),
      embeddedSharedBuffers: sharedBuffers,
      runMigrations: bool('DB_MIGRATE_ON_START', true),
      poolSize: int('DB_POOL_SIZE', 10, 1, 200),
      // Every statement sent, to this file (benchmarks, diagnosis): see PreparingClient.statementLog.
      statementLog: mode === 'production' ? null : (get('DB_STATEMENT_LOG') ?? null),
      seedDemo: bool('SEED_DEMO', mode !== 'production'),
      seedDemoHistory: bool('SEED_DEMO_HISTORY', mode === 'demo'),
    },
    auth: {
      jwtSecret,
      accessTtlSeconds: int('AUTH_ACCESS_TTL_SECONDS', 900, 5, 86_400),
      refreshTtlSeconds: int('AUTH_REFRESH_TTL_SECONDS', 7 * 86_400, 60, 90 * 86_400),
      lockoutThreshold: int('AUTH_LOCKOUT_THRESHOLD', 5, 1, 100),
      lockoutMinutes: int('AUTH_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    },
    clock: { initialNow },
    dataKey,
    rateLimit: {
      loginPerMinute: int('RATE_LIMIT_LOGIN_PER_MINUTE', 20, 1, 100_000),
      publicPerMinute: int('RATE_LIMIT_PUBLIC_PER_MINUTE', 300, 1, 1_000_000),
    },
    integration: { offBookWindowMinutes: int('INTEGRATION_OFF_BOOK_WINDOW_MINUTES', 30, 0, 10_080) },
    webhooks: {
      worker: bool('WEBHOOK_WORKER', mode !== 'test'),
      pollMs: int('WEBHOOK_POLL_MS', 250, 10, 60_000),
      retrySeconds: retrySeconds(),
      timeoutMs: int('WEBHOOK_TIMEOUT_MS', 15_000, 100, 60_000),
      allowPrivate: mode !== 'production' && bool('WEBHOOK_ALLOW_PRIVATE', true),
    },
    fees: {
      regionCode: regionCode(),
      dueWorkingDays: int('FEES_DUE_WORKING_DAYS', 15, 1, 60),
      payUrl: payUrl(),
      reconciliationDays: int('FEES_RECONCILIATION_DAYS', 3, 1, 60),
    },
    center: {
      name: line('CENTER_NAME', '示范市政务服务中心'),
      address: line('CENTER_ADDRESS', '示范市市民大道 100 号市民中心 2 楼办事大厅'),
      hours: line('CENTER_HOURS', '工作日 9:00–12:00，13:30–17:00（法定节假日除外）'),
      hotline: line('CENTER_HOTLINE', '12345'),
      complaintPhone: line('CENTER_COMPLAINT_PHONE', '12345'),
    },
    evaluation: {
      visitWorkingDays: int('EVALUATION_VISIT_WORKING_DAYS', 3, 1, 15),
      rectifyWorkingDays: int('EVALUATION_RECTIFY_WORKING_DAYS', 10, 5, 15),
      complaintWorkingDays: int('COMPLAINT_WORKING_DAYS', 5, 1, 30),
    },
    supervision: { sweepIntervalSeconds: int('SWEEP_INTERVAL_SECONDS', mode === 'test' ? 0 : 60, 0, 86_400) },
    log: { level: logLevel, requests: bool('LOG_REQUESTS', mode === 'production') },
    metricsToken: get('METRICS_TOKEN') ?? null,
    spaRoot: get('SPA_ROOT') === 'none' ? null : (get('SPA_ROOT') ?? null),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
