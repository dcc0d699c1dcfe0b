/**
 * Every match of a global regex in `text`, in order. Same result as `[...text.matchAll(re)]`
 * without the copy of the regex that matchAll makes on each call, which showed up in
 * profiles of the stages that run a dozen patterns over every sentence. The regex is left
 * with `lastIndex` 0, so module-level patterns can be shared safely.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`execAll needs a global regex, got /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match would match again at the same place forever.
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
