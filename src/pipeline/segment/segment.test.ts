import { describe, expect, it } from 'vitest';
import { segment } from './index.js';

describe('segment', () => {
  it('splits paragraphs on line breaks and sentences on final punctuation', () => {
    const s = segment('First one. Second one!\nThird one?');
    expect(s.paragraphs).toHaveLength(2);
    expect(s.sentences.map((x) => x.text)).toEqual(['First one.', 'Second one!', 'Third one?']);
    expect(s.sentences[2].paragraph).toBe(1);
  });

  it('does not split after abbreviations and initials', () => {
    const s = segment('Mr. Smith met U.S. officials on Jan. 5 in St. Louis. J. Doe left.');
    expect(s.sentences.map((x) => x.text)).toEqual(['Mr. Smith met U.S. officials on Jan. 5 in St. Louis.', 'J. Doe left.']);
  });

  it('ends a sentence after a closing quote', () => {
    const s = segment('“We agree.” The minister left. He said: "Yes." Then silence.');
    expect(s.sentences.map((x) => x.text)).toEqual(['“We agree.”', 'The minister left.', 'He said: "Yes."', 'Then silence.']);
  });

  it('keeps offsets exact', () => {
    const text = 'BRUSSELS (AFP)\nNATO met. Allies agreed.';
    const s = segment(text);
    for (const x of s.sentences) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('makes the dateline its own sentence when the body starts on the same line', () => {
    const text = 'BRUSSELS, 3 April 2025 – The EU agreed. It said so.';
    const s = segment(text, text.indexOf('The'));
    expect(s.sentences[0].text).toBe('BRUSSELS, 3 April 2025 –');
    expect(s.sentences[1].text).toBe('The EU agreed.');
  });
});
