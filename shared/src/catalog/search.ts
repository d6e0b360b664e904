/** What the search needs of a published matter. `initials` has one letter per character of `name`. */
export interface SearchEntry {
  code: string;
  name: string;
  initials: string;
  keywords: string[];
  themes: string[];
  description: string;
}

export interface SearchHit {
  code: string;
  score: number;
  /** Where the best match was: name, pinyin initials, keyword, theme or description. */
  matchedIn: 'name' | 'pinyin' | 'keyword' | 'theme' | 'description';
  /** [start, end) ranges of `name` to highlight. */
  highlights: [number, number][];
}

const ASCII = /^[a-z0-9]+$/;

/** An entry with its text lower-cased once, when the index is built, not on every query. */
export interface PreparedEntry {
  code: string;
  nameLength: number;
  name: string;
  initials: string;
  keywords: string[];
  themes: string[];
  description: string;
}

export function prepareSearchEntries(entries: SearchEntry[]): PreparedEntry[] {
  return entries.map((e) => ({
    code: e.code,
    nameLength: e.name.length,
    name: e.name.toLowerCase(),
    initials: e.initials.toLowerCase(),
    keywords: e.keywords.map((k) => k.toLowerCase()),
    themes: e.themes.map((k) => k.toLowerCase()),
    description: e.description.toLowerCase(),
  }));
}

/**
 * Ranks entries for a query: name before keyword before description; pinyin initials (spjy → 食品经营许可)
 * count like the name. Space-separated terms must all match. Ties: shorter name, then code.
 */
export function searchMatters(entries: SearchEntry[] | PreparedEntry[], query: string): SearchHit[] {
  const prepared =
    entries.length && 'nameLength' in entries[0]
      ? (entries as PreparedEntry[])
      : prepareSearchEntries(entries as SearchEntry[]);
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return [];
  const ascii = terms.map((t) => ASCII.test(t));
  const hits: (SearchHit & { nameLength: number })[] = [];
  for (const e of prepared) {
    let score = 0;
    let best: SearchHit['matchedIn'] = 'description';
    let bestScore = -1;
    const highlights: [number, number][] = [];
    let all = true;
    for (let i = 0; i < terms.length; i++) {
      const m = scoreTerm(e, terms[i], ascii[i]);
      if (!m) {
        all = false;
        break;
      }
      score += m.score;
      if (m.score > bestScore) {
        bestScore = m.score;
        best = m.where;
      }
      if (m.range) highlights.push(m.range);
    }
    if (all)
      hits.push({
        code: e.code,
        score,
        matchedIn: best,
        highlights: mergeRanges(highlights),
        nameLength: e.nameLength,
      });
  }
  hits.sort((a, b) => b.score - a.score || a.nameLength - b.nameLength || a.code.localeCompare(b.code));
  return hits.map(({ nameLength: _, ...h }) => h);
}

function scoreTerm(
  e: PreparedEntry,
  t: string,
  ascii: boolean,
): { score: number; where: SearchHit['matchedIn']; range?: [number, number] } | null {
  const at = e.name.indexOf(t);
  if (at >= 0) return { score: e.name === t ? 100 : at === 0 ? 80 : 60, where: 'name', range: [at, at + t.length] };
  if (ascii) {
    const p = e.initials.indexOf(t);
    if (p >= 0) return { score: p === 0 ? 70 : 45, where: 'pinyin', range: [p, p + t.length] };
  }
  let partial = false;
  for (const k of e.keywords) {
    if (k === t) return { score: 50, where: 'keyword' };
    if (!partial && k.includes(t)) partial = true;
  }
  if (partial) return { score: 35, where: 'keyword' };
  for (const k of e.themes) if (k.includes(t)) return { score: 30, where: 'theme' };
  if (e.description.includes(t)) return { score: 10, where: 'description' };
  return null;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
