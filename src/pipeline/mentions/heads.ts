import type { InstrumentKind } from '../../domain/index.js';

// Head nouns that make a capitalised name an instrument ("Defence Capacity Building Initiative").
export const INSTRUMENT_HEADS: Record<string, InstrumentKind> = {
  office: 'office', centre: 'centre', center: 'centre', hub: 'hub', mission: 'mission', initiative: 'initiative',
  programme: 'programme', program: 'programme', facility: 'facility', fund: 'fund', partnership: 'partnership',
  representative: 'envoy', envoy: 'envoy', representation: 'office', operation: 'mission', force: 'mission',
  package: 'programme', platform: 'programme', mechanism: 'programme', strategy: 'programme', compact: 'programme',
};

// Head nouns that make a capitalised name an organization or body ("Federal Police Command").
export const ORGANIZATION_HEADS = new Set([
  'ministry', 'council', 'committee', 'commission', 'command', 'agency', 'police', 'forces', 'parliament',
  'assembly', 'secretariat', 'court', 'bank', 'union', 'organization', 'organisation', 'forum', 'department',
  'service', 'authority', 'government', 'army', 'navy', 'guard', 'group', 'front', 'party', 'directorate',
  'cabinet', 'presidency', 'senate', 'congress', 'institute', 'alliance', 'coalition', 'league', 'movement',
  'board', 'bureau', 'headquarters', 'staff', 'corps', 'brigade', 'militia', 'administration', 'community',
  'body', 'bloc', 'grouping',
]);

// Lower-case modifiers that, before an instrument head, name a standing instrument
// ("liaison office in Amman", "training mission in Somalia").
export const INSTRUMENT_MODIFIERS = new Set([
  'liaison', 'representation', 'regional', 'training', 'advisory', 'monitoring', 'observer', 'civilian', 'military',
  'peacekeeping', 'assistance', 'border', 'naval', 'police', 'coordination', 'information', 'trust', 'support',
  'stabilisation', 'stabilization', 'political', 'special', 'capacity-building', 'rule-of-law', 'maritime',
  'liaison-', 'diplomatic', 'permanent', 'humanitarian', 'verification', 'fact-finding', 'partnership',
]);

// Joining words allowed inside a capitalised name ("Ministry of Interior", "Hub for the South").
export const NAME_CONNECTORS = new Set(['of', 'for', 'the', 'on', 'in', 'to', 'de', 'du', 'des', 'al', 'el', 'van', 'von', 'der', 'bin']);

// Capitalised words that are never names on their own.
export const NOT_NAME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'our', 'their', 'his', 'her',
  'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'of', 'and', 'but', 'or', 'as', 'after', 'before', 'during', 'while',
  'among', 'following', 'according', 'meanwhile', 'however', 'also', 'speaking', 'asked', 'earlier', 'later', 'last', 'next',
  'ministers', 'minister', 'leaders', 'allies', 'officials', 'members', 'member', 'states', 'partners', 'attention',
  'mr', 'mrs', 'ms', 'dr', 'president', 'prime', 'foreign', 'defence', 'defense', 'secretary', 'general', 'chief', 'deputy',
  'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'there', 'here', 'when', 'where', 'what', 'who', 'which',
  'if', 'under', 'despite', 'through', 'both', 'all', 'some', 'many', 'several', 'each', 'such', 'one', 'two', 'three',
  'statement', 'communique', 'communiqué', 'declaration', 'resolution', 'summit', 'today', 'yesterday', 'tomorrow', 'western', 'eastern',
  'northern', 'southern', 'central', 'heads', 'state', 'government', 'delegation', 'delegations', 'talks', 'meeting', 'council',
  // Communiqués open paragraphs with a capitalised verb: "Requests the Chairperson ...", "Decides to ...".
  'requests', 'decides', 'welcomes', 'expresses', 'calls', 'urges', 'reaffirms', 'commends', 'notes', 'recalls', 'encourages',
  'underlines', 'stresses', 'condemns', 'takes', 'acknowledges', 'emphasizes', 'emphasises', 'endorses', 'appeals', 'invites',
  'agrees', 'looks', 'further', 'strongly', 'reiterates', 'affirms', 'demands', 'directs', 'authorizes', 'authorises', 'tasks',
]);

// Head nouns that make a capitalised name a place ("Herzegovina-Neretva Canton", "Donetsk Oblast").
export const PLACE_HEADS = new Set([
  'canton', 'province', 'region', 'district', 'governorate', 'oblast', 'county', 'municipality', 'prefecture', 'valley',
  'strait', 'sea', 'island', 'islands', 'peninsula', 'corridor', 'crossing', 'border', 'heights', 'strip', 'basin',
]);

// Verbs of saying; a capitalised pair before or after one is a person.
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'added', 'stressed', 'noted', 'explained', 'warned', 'stated', 'declared', 'insisted',
  'underlined', 'emphasised', 'emphasized', 'affirmed', 'announced', 'argued', 'urged', 'wrote', 'tweeted', 'replied', 'remarked',
]);

// Locative words before which a capitalised word is read as a place.
export const LOCATIVES = new Set(['in', 'to', 'from', 'at', 'near', 'visited', 'visiting', 'visit', 'outside', 'across', 'toward', 'towards', 'via', 'into']);

// Portfolios that name a government ministry written in lower case: "Armenia's foreign ministry".
export const MINISTRY_PORTFOLIOS = new Set([
  'foreign', 'defence', 'defense', 'interior', 'finance', 'trade', 'economy', 'economic', 'justice', 'health',
  'energy', 'agriculture', 'education', 'culture', 'environment', 'labour', 'labor', 'transport', 'digital',
  'industry', 'commerce', 'security', 'emergency', 'emergencies', 'information', 'communications',
]);
