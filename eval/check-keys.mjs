#!/usr/bin/env node
// Lints the answer keys in this folder and scores each key against itself.
// Usage: node eval/check-keys.mjs   (exit 1 on any error; warnings do not fail)
import { readFileSync, readdirSync, mkdtempSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const scorer = process.env.LIAISON_SCORER ?? '/work/shared/eval/score.mjs';

const ENTITY_TYPES = new Set(['person', 'organization', 'country', 'place', 'instrument']);
const EVENT_TYPES = new Set(['meeting', 'session', 'visit', 'request', 'proposal', 'decision']);
const STATUS = {
  meeting: ['scheduled', 'held', 'cancelled'], session: ['scheduled', 'held', 'cancelled'],
  proposal: ['proposed', 'under_review', 'expected', 'approved', 'rejected', 'implemented'],
  decision: ['proposed', 'under_review', 'expected', 'approved', 'rejected', 'implemented'],
};
const ARG_FIELDS = ['participants', 'who', 'where', 'from', 'to', 'subject'];
const DATE_PART = /^(\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?)$/;

// Same normalisation as the scorer, so "present in the text" means what matching means.
const norm = (s) => String(s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[’'`]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^(the|a|an) /, '').trim();
const list = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);

let errors = 0, warnings = 0;
const totals = { texts: 0, words: 0, entities: 0, optEntities: 0, events: 0, optEvents: 0, quotes: 0, byType: {} };
const err = (f, m) => { errors++; console.log(`ERROR ${f}: ${m}`); };
const warn = (f, m) => { warnings++; console.log(`warn  ${f}: ${m}`); };

const stems = readdirSync(here).filter((n) => n.endsWith('.gold.json')).map((n) => n.slice(0, -'.gold.json'.length)).sort();
for (const stem of stems) {
  const f = `${stem}.gold.json`;
  let key;
  try { key = JSON.parse(readFileSync(join(here, f), 'utf8')); } catch (e) { err(f, `does not parse: ${e.message}`); continue; }
  const txtPath = join(here, `${stem}.txt`);
  if (!existsSync(txtPath)) { err(f, 'no text beside the key'); continue; }
  const text = readFileSync(txtPath, 'utf8');
  const ntext = ` ${norm(text)} `;
  const words = text.split(/\s+/).filter(Boolean).length;
  totals.texts++; totals.words += words;
  if (words < 150 || words > 600) warn(f, `text has ${words} words (aim 150-600)`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key.source?.published ?? '')) err(f, 'source.published must be YYYY-MM-DD');

  const seen = new Map();
  for (const e of list(key.entities)) {
    if (!ENTITY_TYPES.has(e.type)) err(f, `entity ${e.name}: bad type ${e.type}`);
    if (e.optional) totals.optEntities++; else totals.entities++;
    for (const n of [e.name, ...list(e.aliases)]) {
      const k = norm(n);
      if (seen.has(k) && seen.get(k) !== e.name) err(f, `name "${n}" belongs to both ${seen.get(k)} and ${e.name}`);
      seen.set(k, e.name);
    }
    const inText = [e.name, ...list(e.aliases)].filter((n) => ntext.includes(` ${norm(n)} `));
    if (!inText.length) warn(f, `entity ${e.name}: neither name nor alias occurs in the text`);
    for (const a of list(e.aliases)) if (!ntext.includes(` ${norm(a)} `)) warn(f, `entity ${e.name}: alias "${a}" not in the text`);
  }
  for (const v of list(key.events)) {
    if (!EVENT_TYPES.has(v.type)) err(f, `event ${v.label}: bad type ${v.type}`);
    if (v.optional) totals.optEvents++; else { totals.events++; totals.byType[v.type] = (totals.byType[v.type] ?? 0) + 1; }
    const args = ARG_FIELDS.flatMap((k) => list(v[k]));
    if (!args.length) err(f, `event ${v.label}: no arguments`);
    for (const a of args) if (!seen.has(norm(a))) err(f, `event ${v.label}: argument "${a}" is not an entity name or alias`);
    if (v.date != null && !String(v.date).split('/').every((p) => DATE_PART.test(p))) err(f, `event ${v.label}: bad date ${v.date}`);
    if (v.status != null && !(STATUS[v.type] ?? []).includes(v.status)) err(f, `event ${v.label}: status ${v.status} not allowed for ${v.type}`);
  }
  for (const q of list(key.quotes)) {
    if (!q.optional) totals.quotes++;
    if (!ntext.includes(` ${norm(q.text)} `)) err(f, `quote not found in text: ${q.text.slice(0, 60)}`);
    const s = String(q.speaker ?? '');
    // Descriptors are written as the text first gives them, minus a leading "the" (the scorer drops articles anyway).
    if (!s.trim()) err(f, 'quote without speaker');
    else if (!seen.has(norm(s)) && /^the /i.test(s)) warn(f, `quote speaker "${s}": write descriptors without a leading "the"`);
  }
}

// A key scored against itself must come out perfect; anything less means the key contradicts itself.
const tmp = mkdtempSync(join(tmpdir(), 'liaison-keys-'));
try {
  for (const stem of stems) copyFileSync(join(here, `${stem}.gold.json`), join(tmp, `${stem}.pred.json`));
  const out = execFileSync('node', [scorer, here, tmp], { encoding: 'utf8' });
  const last = out.trim().split('\n').pop();
  console.log(`self-score: ${last}`);
  if (!/score 1\.000$/.test(last)) err('all', 'keys do not score 1.000 against themselves');
} finally { rmSync(tmp, { recursive: true, force: true }); }

console.log(`texts ${totals.texts} · words ${totals.words} · entities ${totals.entities} (+${totals.optEntities} optional) · events ${totals.events} (+${totals.optEvents} optional) ${JSON.stringify(totals.byType)} · quotes ${totals.quotes}`);
console.log(`${errors} error(s), ${warnings} warning(s)`);
process.exit(errors ? 1 : 0);
