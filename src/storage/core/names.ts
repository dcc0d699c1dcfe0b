/**
 * Name normalization for matching entities across documents. It follows how the eval
 * compares names: case, accents, punctuation and a leading "the" do not make two
 * entities different ("Da’esh" = "Daesh", "the Alliance" = "alliance").
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Apostrophes join a word rather than splitting it (Da'esh, NATO's).
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '');
}

/**
 * Words of a search box entry, accent-folded and lowercased, safe to place inside any
 * full-text query syntax (only letters and digits survive).
 */
export function searchTokens(input: string): string[] {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
}
