import { verifyAuditChain } from '../platform/audit/audit.service.js';
import { openCliDatabase } from './cli-database.js';

/** `npm run audit:verify`: walks the audit hash chain; exit code 1 at the first broken link. */
const { ds, runtime, close } = await openCliDatabase();
const result = await verifyAuditChain(ds.manager);
// Entries committed but not yet sealed (a server seals them within moments; this tool only reads).
const [{ waiting }] = await ds.query('SELECT count(*)::int AS waiting FROM audit_pending');
await close();
console.log(JSON.stringify({ database: runtime.description, ...result, waiting }));
if (result.ok) {
  console.log(`审计链完整：已校验 ${result.checked} 条 / audit chain intact: ${result.checked} rows checked`);
} else {
  console.error(
    `审计链断裂于第 ${result.firstBrokenSeq} 条（${result.reason}）/ audit chain broken at seq ${result.firstBrokenSeq} (${result.reason})`,
  );
  process.exitCode = 1;
}
