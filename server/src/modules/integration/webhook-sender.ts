import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and reserved ranges (SSRF). */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

export const isPrivateAddress = (address: string): boolean =>
  PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

export class WebhookUrlRefused extends Error {}

/** What the receiver answered; `status` null when no answer came. */
export interface SendResult {
  status: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

/**
 * Sends signed deliveries over keep-alive connections. Unless private addresses are allowed (demo and test), every
 * address a name resolves to is checked at connect time, so a name that resolves to an inner address after it was
 * registered (DNS rebinding) is refused too.
 */
export class WebhookSender {
  private readonly lookup: LookupFunction;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(
    private readonly opts: { allowPrivate: boolean; timeoutMs: number },
    resolve: typeof dnsLookup = dnsLookup,
  ) {
    this.lookup = (hostname, options, callback) =>
      resolve(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 4);
        const refused = !opts.allowPrivate && addresses.find((a) => isPrivateAddress(a.address));
        if (refused) return callback(new WebhookUrlRefused(`地址 ${refused.address} 属于内网或保留地址段`), '', 4);
        if ((options as { all?: boolean }).all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      });
    const agentOptions = { keepAlive: true, maxSockets: 64, lookup: this.lookup };
    this.agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  }

  /** A URL a subscription may use: http(s), no credentials, and (unless allowed) no literal inner address. */
  check(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new WebhookUrlRefused('不是有效的网址');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlRefused('只支持 http 和 https');
    if (url.username || url.password) throw new WebhookUrlRefused('网址不能包含用户名和密码');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.opts.allowPrivate) {
      if (isIP(host) && isPrivateAddress(host)) throw new WebhookUrlRefused(`地址 ${host} 属于内网或保留地址段`);
      if (host === 'localhost' || host.endsWith('.localhost')) throw new WebhookUrlRefused('不能推送到本机');
    }
    return url;
  }

  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({
      ...r,
      durationMs: Math.round(performance.now() - started),
    });
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = this.check(url);
      } catch (e) {
        return resolve(done({ status: null, error: (e as Error).message, responseBody: null }));
      }
      const lib = target.protocol === 'https:' ? https : http;
      const req = lib.request(
        target,
        {
          method: 'POST',
          agent: target.protocol === 'https:' ? this.agents.https : this.agents.http,
          lookup: this.lookup,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
          timeout: this.opts.timeoutMs,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            if (text.length < 500) text += d;
          });
          res.on('end', () =>
            resolve(done({ status: res.statusCode ?? null, error: null, responseBody: text.slice(0, 500) || null })),
          );
          res.on('error', (e) =>
            resolve(done({ status: res.statusCode ?? null, error: e.message.slice(0, 300), responseBody: null })),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`接收方 ${this.opts.timeoutMs / 1000} 秒内没有回答`)));
      req.on('error', (e) => resolve(done({ status: null, error: e.message.slice(0, 300), responseBody: null })));
      req.end(body);
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
