// Modules own their tables. Each module's tables are derived from its entities; a SQL string in one module (or in
// platform) that names another module's table fails here. Other modules' tables are reached only through the
// fragments their owner publishes in `<owner>.sql.ts` (which, living in the owner's folder, name its own tables).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getMetadataArgsStorage } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../src/schema.js';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The owner of a source file: `modules/<name>` or `platform`; null for composition code (demo, bin, migrations). */
function ownerOf(file: string): string | null {
  const rel = path.relative(src, file).split(path.sep);
  if (rel[0] === 'modules') return rel[1];
  if (rel[0] === 'platform') return 'platform';
  return null;
}

/** Tables created by a migration without an entity of their own, with their owner. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = { audit_pending: 'platform', schema_migration: 'platform' };

async function tableOwners(): Promise<Map<string, string>> {
  const owners = new Map<string, string>(Object.entries(TABLES_WITHOUT_ENTITY));
  const tables = getMetadataArgsStorage().tables;
  const entityFiles = filesUnder(src).filter((f) => /\.entit(y|ies)\.ts$/.test(f) && ownerOf(f));
  const seen = new Set<unknown>();
  for (const file of entityFiles) {
    const exported = Object.values(await import(pathToFileURL(file).href));
    for (const value of exported) {
      const table = tables.find((t) => t.target === value);
      if (!table?.name) continue;
      seen.add(value);
      const owner = ownerOf(file)!;
      const before = owners.get(table.name);
      if (before && before !== owner) throw new Error(`${table.name} is claimed by ${before} and ${owner}`);
      owners.set(table.name, owner);
    }
  }
  const homeless = ENTITIES.filter((e) => !seen.has(e)).map((e) => (e as { name: string }).name);
  if (homeless.length) throw new Error(`entities outside a module's *.entity.ts / *.entities.ts: ${homeless}`);
  return owners;
}

/** Removes comments, so prose about a table ("read from clock") is not taken for SQL. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const TABLE_REFERENCE = /\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Every table of another owner that `code`, owned by `owner`, names in SQL. */
function foreignTables(code: string, owner: string, owners: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const m of withoutComments(code).matchAll(TABLE_REFERENCE)) {
    const table = m[1].toLowerCase();
    const tableOwner = owners.get(table);
    if (tableOwner && tableOwner !== owner) found.add(`${table} (${tableOwner})`);
  }
  return [...found];
}

describe('table ownership', () => {
  it('assigns every entity to exactly one module', async () => {
    const owners = await tableOwners();
    expect(owners.get('service_case')).toBe('acceptance');
    expect(owners.get('clock')).toBe('calendar');
    expect(owners.get('department')).toBe('organization');
    expect(owners.get('audit_entry')).toBe('platform');
    expect(owners.get('supervision_card')).toBe('supervision');
  });

  it('finds a table of another module named in SQL, and only that', async () => {
    const owners = await tableOwners();
    const code = `
      // joins the clock table: prose, not SQL
      const Q = \`SELECT k.id FROM supervision_card k LEFT JOIN department d ON d.id = k.department_id
        JOIN "service_case" sc ON sc.id = k.case_id FOR UPDATE OF k\`;
      const R = 'UPDATE clock SET alert_level = 1'; const S = 'INSERT INTO supervision_card DEFAULT VALUES';`;
    expect(foreignTables(code, 'supervision', owners).sort()).toEqual([
      'clock (calendar)',
      'department (organization)',
      'service_case (acceptance)',
    ]);
    expect(foreignTables(code, 'organization', owners)).toContain('supervision_card (supervision)');
  });

  it("lets no module or platform name another module's table in SQL: use the owner's <owner>.sql.ts", async () => {
    const owners = await tableOwners();
    const violations = filesUnder(src)
      .map((f) => ({ f, owner: ownerOf(f) }))
      .filter((x): x is { f: string; owner: string } => x.owner !== null)
      .flatMap(({ f, owner }) =>
        foreignTables(readFileSync(f, 'utf8'), owner, owners).map((t) => `${path.relative(src, f)} names ${t}`),
      );
    expect(violations).toEqual([]);
  });

  it('keeps each published SQL file to its own tables', async () => {
    const owners = await tableOwners();
    const published = filesUnder(src).filter((f) => f.endsWith('.sql.ts'));
    expect(published.length).toBeGreaterThan(0);
    for (const f of published) {
      const owner = ownerOf(f)!;
      expect(path.basename(f), 'a module publishes its SQL in <module>.sql.ts').toBe(`${owner}.sql.ts`);
      expect(foreignTables(readFileSync(f, 'utf8'), owner, owners)).toEqual([]);
    }
  });
});
