import type { Span } from '../../domain/index.js';

export interface HeaderFacts {
  title?: string;
  dateline?: { place: string; span: Span };
  outlet?: { name: string; span: Span };
  datelineDate?: string;
  bodyStart: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  return MONTH_ABBR[w];
}

/** "3 April 2025", "April 3, 2025", "Apr 3" → YYYY-MM-DD (the year only when given). */
function parseDatelineDate(s: string): string | undefined {
  let m = /^(\d{1,2})\s+([A-Za-z]{3,9}\.?)\s+(\d{4})$/.exec(s.trim());
  if (m) return iso(+m[3], monthNumber(m[2]), +m[1]);
  m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(s.trim());
  if (m) return iso(+m[3], monthNumber(m[1]), +m[2]);
  return undefined;
}

function iso(y: number, mo: number | undefined, d: number): string | undefined {
  if (!mo || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Place names in datelines are written in capitals; present them as names are usually written.
const LOWER_WORDS = new Set(['of', 'and', 'de', 'la', 'el', 'al', 'upon', 'on']);
function titleCase(place: string): string {
  if (/[a-z]/.test(place)) return place;
  return place
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => (i > 0 && LOWER_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

// One line of wire/press-release header, in its common shapes:
//   BRUSSELS (ALETIHAD)            BRUSSELS (Reuters) -           (Reuters) -
//   BRUSSELS, 3 April 2025 –       WASHINGTON, April 2 (AP) —     KYIV, Ukraine (AFP) -
const DATELINE = new RegExp(
  '^(?:([A-Z][A-Z .\'-]{1,40}?[A-Z])' + // place in capitals
    '(?:,\\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?))?' + // optional country/state after a comma
    '(?:,\\s*((?:\\d{1,2}\\s+[A-Za-z]{3,9}\\.?(?:\\s+\\d{4})?)|(?:[A-Za-z]{3,9}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?)))?' + // optional date
    ')?\\s*(?:\\(([A-Za-z][A-Za-z0-9 .&\'-]{1,40})\\))?' + // optional outlet in parentheses
    '\\s*(?:[-–—:]\\s*|$)',
);

/**
 * Looks at the first lines for a headline and a dateline. Only lines near the top are
 * considered: a capitalised word later in the text is not a dateline.
 */
export function findHeader(text: string): HeaderFacts {
  const facts: HeaderFacts = { bodyStart: 0 };
  let pos = 0;
  for (let line = 0; line < 3 && pos < text.length; line++) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const lineText = text.slice(pos, lineEnd);
    const m = DATELINE.exec(lineText.slice(0, 160));
    const hasPlace = m && m[1] && !/\s{2,}/.test(m[1]);
    if (m && (hasPlace || m[4]) && m[0].trim().length > 0 && (m[1] || m[4])) {
      const placeOk = m[1] ? m[1].length <= 40 && !/[a-z]/.test(m[1]) : true;
      if (placeOk && (m[4] || m[3] || /[-–—:]\s*$|^.+$/.test(m[0]))) {
        // A headline in capitals with no outlet and nothing after it is not a dateline.
        const restOfLine = lineText.slice(m[0].length).trim();
        const looksLikeHeadlineInCaps = m[1] && !m[4] && !m[3] && restOfLine.length === 0 && m[1].split(' ').length > 4;
        if (!looksLikeHeadlineInCaps) {
          if (m[1]) facts.dateline = { place: titleCase(m[1]), span: { start: pos, end: pos + m[1].length } };
          if (m[4]) {
            const start = pos + lineText.indexOf('(' + m[4]) + 1;
            facts.outlet = { name: outletName(m[4]), span: { start, end: start + m[4].length } };
          }
          if (m[3]) facts.datelineDate = parseDatelineDate(m[3]);
          facts.bodyStart = pos + m[0].length;
          if (restOfLine.length === 0) facts.bodyStart = lineEnd;
          return facts;
        }
      }
    }
    // A short line without final punctuation at the very top is a headline.
    if (line === 0 && lineText.length > 0 && lineText.length < 200 && !/[.!?:"”]$/.test(lineText.trim()) && nl > 0) {
      facts.title = lineText.trim();
      facts.bodyStart = lineEnd;
      pos = lineEnd;
      continue;
    }
    break;
  }
  return facts;
}

// Agency names come in capitals in datelines; keep acronyms, title-case the rest.
function outletName(raw: string): string {
  const s = raw.trim();
  if (/[a-z]/.test(s) || s.length <= 4) return s;
  return s.charAt(0) + s.slice(1).toLowerCase();
}
