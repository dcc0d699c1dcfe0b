/**
 * Where a fact came from. Every mention, event, argument and quote carries one, so a
 * reader can always get back to the exact characters and the rule that produced them.
 * Offsets are UTF-16 code-unit offsets into the document's normalized text.
 */
export interface Evidence {
  start: number;
  end: number;
  /** Id of the extraction rule, e.g. `mentions.person.title-before`; `human:<user>` for edits. */
  rule: string;
}

export interface Span {
  start: number;
  end: number;
}
