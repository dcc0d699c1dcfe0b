import { describe, expect, it } from 'vitest';
import { normalize } from './index.js';

describe('normalize', () => {
  it('reads an agency dateline in capitals with the outlet in parentheses', () => {
    const n = normalize('BRUSSELS (ALETIHAD)\nNATO foreign ministers meet this week.');
    expect(n.dateline?.place).toBe('Brussels');
    expect(n.outlet?.name).toBe('Aletihad');
    expect(n.text.slice(n.bodyStart).trim().startsWith('NATO')).toBe(true);
  });

  it('reads a press-release dateline with its date', () => {
    const n = normalize('BRUSSELS, 3 April 2025 – The European Union today launched a mission.');
    expect(n.dateline?.place).toBe('Brussels');
    expect(n.datelineDate).toBe('2025-04-03');
  });

  it('reads wire datelines with the date before the agency, and multi-word places', () => {
    const a = normalize('WASHINGTON, April 2 (Reuters) - The talks ended.');
    expect(a.dateline?.place).toBe('Washington');
    expect(a.outlet?.name).toBe('Reuters');
    const b = normalize('THE HAGUE (AFP) - Leaders gathered.');
    expect(b.dateline?.place).toBe('The Hague');
    expect(normalize('(Reuters) - NATO said on Monday.').outlet?.name).toBe('Reuters');
  });

  it('takes a short first line without final punctuation as the headline', () => {
    const n = normalize('Allies agree new mission for Iraq\nBAGHDAD (AP) - The alliance agreed.');
    expect(n.title).toBe('Allies agree new mission for Iraq');
    expect(n.dateline?.place).toBe('Baghdad');
  });

  it('strips markup, drops scripts and maps every character back to the input', () => {
    const html = '<html><head><script>window.x=1</script></head><body><p>NATO&rsquo;s chief <b>met</b> ministers.</p><p>Second &amp; last.</p></body></html>';
    const n = normalize(html, 'html');
    expect(n.text).toBe('NATO’s chief met ministers.\n\nSecond & last.');
    expect(n.text).not.toContain('window');
    const i = n.text.indexOf('met');
    expect(html.slice(n.offsets[i], n.offsets[i] + 3)).toBe('met');
  });

  it('drops the doctype and takes the page title from <title>', () => {
    const n = normalize('<!doctype html><html><head><title>NATO &amp; partners</title></head><body><p>Ministers met.</p></body></html>', 'html');
    expect(n.text).toBe('Ministers met.');
    expect(n.title).toBe('NATO & partners');
  });

  it('removes Markdown markers but keeps link text', () => {
    expect(normalize('# Title\n\nA **bold** [link](http://x.test) here.', 'markdown').text).toBe('Title\n\nA bold link here.');
  });

  it('drops invisible characters and unifies odd spaces', () => {
    const n = normalize('NATO\u00a0summit\u200b in\r\nVilnius\u00ad.');
    expect(n.text).toBe('NATO summit in\nVilnius.');
    expect(n.offsets.length).toBe(n.text.length + 1);
  });
});
