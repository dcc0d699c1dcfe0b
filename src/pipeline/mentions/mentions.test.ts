import { describe, expect, it } from 'vitest';
import { normalize, segment } from '../index.js';
import type { EntityMention } from '../types.js';
import { defaultMentionResources, findMentions } from './index.js';

// Every text run through `mentionsOf`, so one test can check all their evidence offsets.
const seen: { text: string; mentions: EntityMention[] }[] = [];

/** Runs normalize → segment → findMentions with the real lexicon and gazetteers. */
function mentionsOf(input: string): EntityMention[] {
  const norm = normalize(input);
  const seg = segment(norm.text, norm.bodyStart);
  const mentions = findMentions(seg, { resources: defaultMentionResources(), dateline: norm.dateline });
  seen.push({ text: seg.text, mentions });
  return mentions;
}

function byText(ms: EntityMention[], text: string): EntityMention | undefined {
  return ms.find((m) => m.text === text);
}

function byTextOrThrow(ms: EntityMention[], text: string): EntityMention {
  const m = byText(ms, text);
  if (!m) throw new Error(`no mention "${text}" among: ${ms.map((x) => `"${x.text}"`).join(', ')}`);
  return m;
}

describe('people named with a title', () => {
  it('reads a title before the name and keeps the whole role ("NATO Secretary-General Mark Rutte")', () => {
    const ms = mentionsOf('NATO Secretary-General Mark Rutte opened the meeting in Brussels on Thursday.');
    const p = byTextOrThrow(ms, 'Mark Rutte');
    expect(p).toMatchObject({ type: 'person', key: 'person:mark-rutte', name: 'Mark Rutte', rule: 'mentions.person.title-before' });
    expect(p.attributes?.role).toBe('NATO Secretary-General');
    expect(byTextOrThrow(ms, 'NATO').key).toBe('org:nato');
  });

  it('takes a demonym into the role and still finds the country ("Ukrainian Foreign Minister Andrii Sybiha")', () => {
    const ms = mentionsOf('Ukrainian Foreign Minister Andrii Sybiha will join the session, a spokesperson said.');
    const p = byTextOrThrow(ms, 'Andrii Sybiha');
    expect(p.rule).toBe('mentions.person.title-before');
    expect(p.attributes?.role).toBe('Ukrainian Foreign Minister');
    expect(byTextOrThrow(ms, 'Ukrainian')).toMatchObject({ type: 'country', key: 'country:UA', via: 'demonym' });
  });

  it('reads a lower-case title with an organisation in front ("EU foreign policy chief Kaja Kallas")', () => {
    const ms = mentionsOf('EU foreign policy chief Kaja Kallas will also take part in a closed session.');
    const p = byTextOrThrow(ms, 'Kaja Kallas');
    expect(p).toMatchObject({ key: 'person:kaja-kallas', rule: 'mentions.person.title-before' });
    expect(p.attributes?.role).toBe('EU foreign policy chief');
  });

  it('reads a lower-case title with no owner ("foreign minister Retno Marsudi")', () => {
    const ms = mentionsOf('The talks were chaired by foreign minister Retno Marsudi in Jakarta.');
    expect(byTextOrThrow(ms, 'Retno Marsudi')).toMatchObject({ type: 'person', rule: 'mentions.person.title-before' });
    expect(byTextOrThrow(ms, 'Retno Marsudi').attributes?.role).toBe('foreign minister');
  });

  it('reads a title after the name ("Kaja Kallas, the EU\'s foreign policy chief,")', () => {
    const ms = mentionsOf("Kaja Kallas, the EU's foreign policy chief, arrived in Washington on Monday.");
    const p = byTextOrThrow(ms, 'Kaja Kallas');
    expect(p).toMatchObject({ type: 'person', key: 'person:kaja-kallas', rule: 'mentions.person.title-after' });
    expect(p.attributes?.role).toMatch(/^EU.*foreign policy chief$/);
    expect(byTextOrThrow(ms, 'EU').key).toBe('org:eu');
  });

  it('reads a title after the name that names a country ("Andrii Sybiha, Ukraine\'s foreign minister,")', () => {
    const ms = mentionsOf("Andrii Sybiha, Ukraine's foreign minister, said the talks went well.");
    const p = byTextOrThrow(ms, 'Andrii Sybiha');
    expect(p.rule).toBe('mentions.person.title-after');
    expect(p.attributes?.role).toBe("Ukraine's foreign minister");
  });

  it('reads a title with a qualifier before the name ("special envoy on Myanmar, Othman Hashim,")', () => {
    const ms = mentionsOf("Malaysia's special envoy on Myanmar, Othman Hashim, travelled to Naypyidaw.");
    const p = byTextOrThrow(ms, 'Othman Hashim');
    expect(p).toMatchObject({ type: 'person', rule: 'mentions.person.title-before' });
    expect(p.attributes?.role).toContain('special envoy');
    expect(byTextOrThrow(ms, 'Myanmar').key).toBe('country:MM');
    // The post the lexicon knows is read whole, and its holder holds it.
    const post = mentionsOf("The ASEAN Chair's special envoy on Myanmar, Othman Hashim, travelled to Naypyidaw.");
    expect(byTextOrThrow(post, "ASEAN Chair's special envoy on Myanmar").key).toBe('inst:asean.special-envoy-myanmar');
    expect(byTextOrThrow(post, 'Othman Hashim').attributes?.role).toContain('special envoy');
  });

  it('gives a later surname-only mention the key of the full name, in wire and communiqué styles', () => {
    const ms = mentionsOf('UN Secretary-General António Guterres spoke with AU Commission Chairperson Moussa Faki Mahamat. Guterres later travelled to Addis Ababa.');
    const short = byTextOrThrow(ms, 'Guterres');
    expect(short).toMatchObject({ type: 'person', key: 'person:antonio-guterres', name: 'António Guterres', via: 'short', rule: 'mentions.person.surname' });
    expect(byTextOrThrow(ms, 'Moussa Faki Mahamat').attributes?.role).toBe('AU Commission Chairperson');
    const rutte = mentionsOf('NATO Secretary-General Mark Rutte visited Sarajevo. Rutte said the Western Balkans remain a priority.');
    expect(byTextOrThrow(rutte, 'Rutte').key).toBe(byTextOrThrow(rutte, 'Mark Rutte').key);
  });

  it('resolves a family name written first ("Cho Tae-yul" ... "Cho said")', () => {
    const ms = mentionsOf('South Korean Foreign Minister Cho Tae-yul arrived in Tokyo. Cho said the talks were frank.');
    expect(byTextOrThrow(ms, 'Cho')).toMatchObject({ key: 'person:cho-tae-yul', via: 'short', rule: 'mentions.person.surname' });
  });

  it('resolves a family name written first with an unhyphenated given name ("Wang Yi" ... "Wang told")', () => {
    const ms = mentionsOf('Chinese Foreign Minister Wang Yi arrived in Jakarta on Monday. Wang told reporters the visit would deepen ties.');
    expect(byTextOrThrow(ms, 'Wang').key).toBe('person:wang-yi');
    const xi = mentionsOf('President Xi Jinping met the delegation. Xi said both sides gained.');
    expect(byTextOrThrow(xi, 'Xi').key).toBe('person:xi-jinping');
  });

  it('does not read a given name written first as a family name ("Mark Rutte" ... "Mark")', () => {
    const ms = mentionsOf('NATO Secretary-General Mark Rutte spoke first. Mark Carney, the Canadian prime minister, spoke next.');
    expect(byTextOrThrow(ms, 'Mark Carney').key).toBe('person:mark-carney');
  });

  it("reads a country's ministry written in lower case, and none without its country", () => {
    const owned = mentionsOf("Armenia's foreign ministry said the text was agreed. The ministry gave no date.");
    expect(byTextOrThrow(owned, "Armenia's foreign ministry")).toMatchObject({ type: 'organization', key: 'org:am-foreign-ministry' });
    expect(byTextOrThrow(owned, 'ministry').key).toBe('org:am-foreign-ministry');
    expect(byTextOrThrow(owned, 'Armenia').key).toBe('country:AM');
    expect(byTextOrThrow(mentionsOf('The foreign ministry of Azerbaijan confirmed it.'), 'foreign ministry of Azerbaijan').key).toBe('org:az-foreign-ministry');
    expect(mentionsOf('The foreign ministry said nothing.').some((m) => m.type === 'organization')).toBe(false);
  });

  it('reads no person in a programme name after a title word ("its Official Security Assistance programme")', () => {
    const ms = mentionsOf('The Philippines asked Japan to widen its Official Security Assistance programme, which has grown.');
    expect(ms.some((m) => m.type === 'person')).toBe(false);
  });

  it('reads a name opening with an initial ("External Affairs Minister S. Jaishankar")', () => {
    const ms = mentionsOf('The talks were led by External Affairs Minister S. Jaishankar on Monday.');
    expect(byTextOrThrow(ms, 'S. Jaishankar')).toMatchObject({ type: 'person', rule: 'mentions.person.title-before' });
  });

  it('reads a name after a title with its remit ("Commissioner for Trade and Economic Security Maroš Šefčovič")', () => {
    const ms = mentionsOf('The EU side was led by Commissioner for Trade and Economic Security Maroš Šefčovič and Deputy Prime Minister for Reintegration Oleg Serebrian.');
    expect(byTextOrThrow(ms, 'Maroš Šefčovič').attributes?.role).toBe('Commissioner for Trade and Economic Security');
    expect(byTextOrThrow(ms, 'Oleg Serebrian').type).toBe('person');
    expect(mentionsOf('The Minister for Trade and Economic Security Affairs spoke.').some((m) => m.type === 'person')).toBe(false);
  });

  it('reads a name before "of <country>, who" ("Moussa Faki Mahamat of Chad, who ...")', () => {
    const ms = mentionsOf('He takes over from Moussa Faki Mahamat of Chad, who has led the Commission since 2017.');
    expect(byTextOrThrow(ms, 'Moussa Faki Mahamat').type).toBe('person');
    expect(byTextOrThrow(ms, 'Chad').key).toBe('country:TD');
  });

  it('reads the holder of an envoy post set beside it by commas, on either side', () => {
    const after = mentionsOf('The EU Special Representative for the South Caucasus and the crisis in Georgia, Toivo Klaar, would continue to support talks.');
    expect(byTextOrThrow(after, 'Toivo Klaar')).toMatchObject({ type: 'person', rule: 'mentions.person.post-holder' });
    expect(byTextOrThrow(after, 'Toivo Klaar').attributes?.role).toMatch(/^EU Special Representative for the South Caucasus/);
    const before = mentionsOf('Geir Pedersen, the UN Special Envoy for Syria, briefed the council.');
    expect(byTextOrThrow(before, 'Geir Pedersen').type).toBe('person');
  });

  it('leaves a dotted honorific out of the name ("H.E. Bola Ahmed Tinubu, President of Nigeria")', () => {
    const ms = mentionsOf('H.E. Bola Ahmed Tinubu, President of Nigeria, opened the session.');
    expect(byTextOrThrow(ms, 'Bola Ahmed Tinubu').type).toBe('person');
    const envoy = mentionsOf("We were briefed by the Chair's Special Envoy on Myanmar, H.E. Alounkeo Kittikhoun, on his visit.");
    expect(byTextOrThrow(envoy, 'Alounkeo Kittikhoun').type).toBe('person');
  });

  it('reads no town in a month abbreviation of a dateline ("BRASILIA, Nov 20")', () => {
    const ms = mentionsOf('BRASILIA, Nov 20 (Meridian) - Chinese President Xi Jinping signed 37 agreements.');
    expect(ms.some((m) => m.text === 'Nov')).toBe(false);
  });

  it('reads a seat of power that speaks as the office it houses, and as a place otherwise', () => {
    expect(byTextOrThrow(mentionsOf('Within hours, the Kremlin said the deal would wait.'), 'Kremlin')).toMatchObject({ type: 'organization', rule: 'mentions.site.occupant' });
    expect(byTextOrThrow(mentionsOf('Kremlin spokesman Dmitry Peskov declined to comment.'), 'Kremlin').type).toBe('organization');
    expect(byTextOrThrow(mentionsOf('The Kremlin has sent a team to Istanbul.'), 'Kremlin').type).toBe('organization');
    expect(byTextOrThrow(mentionsOf('The talks were held at the Kremlin is what aides said.'), 'Kremlin').type).toBe('place');
    expect(byTextOrThrow(mentionsOf('Macron received him at the Élysée Palace on Monday.'), 'Élysée Palace').type).toBe('place');
  });

  it('finds a person without a title from a speech verb or an honorific', () => {
    const said = mentionsOf('Josep Borrell said the mission would continue.');
    expect(byTextOrThrow(said, 'Josep Borrell')).toMatchObject({ type: 'person', rule: 'mentions.person.speech-or-honorific' });
    const dr = mentionsOf('Dr Tedros Ghebreyesus briefed the ministers.');
    expect(byTextOrThrow(dr, 'Tedros Ghebreyesus')).toMatchObject({ type: 'person', rule: 'mentions.person.speech-or-honorific' });
  });

  it('finds a person after a dotted honorific ("Mr. Mark Rutte")', () => {
    const ms = mentionsOf('The talks were opened by Mr. Mark Rutte, officials said.');
    expect(byTextOrThrow(ms, 'Mark Rutte').type).toBe('person');
  });

  it('resolves "he" to the person named last', () => {
    const ms = mentionsOf('Foreign Minister Andrii Sybiha arrived in Brussels. He met allies on Thursday.');
    const he = byTextOrThrow(ms, 'He');
    expect(he).toMatchObject({ type: 'person', key: 'person:andrii-sybiha', via: 'pronoun', rule: 'mentions.reference.pronoun' });
  });

  it('resolves "the Secretary-General" to the person who holds that title', () => {
    const ms = mentionsOf('ASEAN Secretary-General Kao Kim Hourn opened the forum. The Secretary-General later left for Manila.');
    expect(byTextOrThrow(ms, 'Secretary-General')).toMatchObject({ key: 'person:kao-kim-hourn', rule: 'mentions.reference.title' });
  });
});

describe('organisations', () => {
  it('finds lexicon organisations by acronym and by full name', () => {
    const ms = mentionsOf('The EU and the Association of Southeast Asian Nations signed a partnership, while NATO observed.');
    expect(byTextOrThrow(ms, 'EU')).toMatchObject({ type: 'organization', key: 'org:eu', name: 'European Union', rule: 'mentions.dictionary.lexicon' });
    expect(byTextOrThrow(ms, 'Association of Southeast Asian Nations')).toMatchObject({ key: 'org:asean', name: 'ASEAN' });
    expect(byTextOrThrow(ms, 'NATO').key).toBe('org:nato');
  });

  it('matches an acronym only in capitals ("EU" yes, "eu" no)', () => {
    const ms = mentionsOf('The eu domain and the nato tag were listed next to un and au in the file.');
    expect(ms.filter((m) => m.type === 'organization')).toEqual([]);
    const caps = mentionsOf('The EU, the UN and the AU sent observers.');
    expect(caps.filter((m) => m.type === 'organization').map((m) => m.key)).toEqual(['org:eu', 'org:un', 'org:au']);
  });

  it('learns an acronym defined in the text and resolves later uses to it ("Regional Hub (RH)" then "RH")', () => {
    const ms = mentionsOf('The African Union opened the Continental Early Warning Regional Hub (RH) in Addis Ababa. Officials said RH will share data with ECOWAS.');
    const full = byTextOrThrow(ms, 'Continental Early Warning Regional Hub');
    const use = byTextOrThrow(ms, 'RH');
    expect(full.type).toBe('instrument');
    expect(use).toMatchObject({ key: full.key, type: 'instrument', via: 'acronym', rule: 'mentions.acronym.use' });
    expect(byTextOrThrow(ms, 'ECOWAS').key).toBe('org:ecowas');
  });

  it('reads "the alliance" as NATO and "the bloc" as the bloc named last', () => {
    const nato = mentionsOf('NATO ministers met in Brussels. The alliance will expand its presence in Iraq.');
    expect(byTextOrThrow(nato, 'alliance')).toMatchObject({ key: 'org:nato', name: 'NATO', via: 'descriptor', rule: 'mentions.dictionary.collective' });
    const asean = mentionsOf('ASEAN leaders gathered in Kuala Lumpur. The bloc agreed to deepen ties.');
    expect(byTextOrThrow(asean, 'bloc').key).toBe('org:asean');
    const eu = mentionsOf('EU leaders gathered in Brussels. The bloc agreed to deepen ties.');
    expect(byTextOrThrow(eu, 'bloc').key).toBe('org:eu');
  });

  it('reads "the organisation" as the body just named', () => {
    const ms = mentionsOf('The OSCE sent monitors to the border, and the organisation will report in May.');
    expect(byTextOrThrow(ms, 'organisation')).toMatchObject({ key: 'org:osce', via: 'descriptor', rule: 'mentions.dictionary.collective' });
  });

  it('names bodies by their head noun ("Iraqi Ministry of Interior", "Federal Police Command")', () => {
    const ms = mentionsOf('The mission will support the Iraqi Ministry of Interior and Federal Police Command.');
    const moi = byTextOrThrow(ms, 'Iraqi Ministry of Interior');
    expect(moi).toMatchObject({ type: 'organization', rule: 'mentions.organization.head-noun' });
    expect(moi.attributes?.iso2).toBe('IQ');
    expect(byTextOrThrow(ms, 'Federal Police Command')).toMatchObject({ type: 'organization', rule: 'mentions.organization.head-noun' });
  });

  it('reads "the command" as the body named earlier with that head noun', () => {
    const ms = mentionsOf('Niger created the Joint Border Command last year. The command will patrol the Sahel.');
    const body = byTextOrThrow(ms, 'Joint Border Command');
    expect(byTextOrThrow(ms, 'command')).toMatchObject({ key: body.key, rule: 'mentions.reference.head' });
  });

  it('does not make a lone capitalised head word ("The Council") into a new body', () => {
    const ms = mentionsOf('The Council adopted its conclusions on Monday.');
    expect(ms.some((m) => m.text === 'Council' && m.rule.endsWith('head-noun'))).toBe(false);
  });
});

describe('countries, capitals, cities and regions', () => {
  it('finds countries by name with their ISO codes', () => {
    const ms = mentionsOf('Ministers will meet counterparts from Australia, Japan, South Korea and New Zealand.');
    const countries = ms.filter((m) => m.type === 'country');
    expect(countries.map((m) => m.attributes?.iso2)).toEqual(['AU', 'JP', 'KR', 'NZ']);
    for (const c of countries) expect(c).toMatchObject({ rule: 'mentions.dictionary.country', via: 'name' });
  });

  it('finds a country through its demonym, marked as such', () => {
    const ms = mentionsOf('French and German diplomats praised Indonesian mediation.');
    expect(ms.filter((m) => m.via === 'demonym').map((m) => m.key)).toEqual(['country:FR', 'country:DE', 'country:ID']);
    for (const m of ms) expect(m.rule).toBe('mentions.dictionary.demonym');
  });

  it('finds capitals as cities of their country, with coordinates', () => {
    const ms = mentionsOf('The request came from Baghdad, and talks followed in Amman and Nairobi.');
    const baghdad = byTextOrThrow(ms, 'Baghdad');
    expect(baghdad).toMatchObject({ type: 'place', rule: 'mentions.gazetteer.city' });
    expect(baghdad.attributes).toMatchObject({ placeKind: 'city', iso2: 'IQ' });
    expect(baghdad.attributes?.lat).toBeCloseTo(33.3, 0);
    expect(baghdad.attributes?.lon).toBeCloseTo(44.4, 0);
    expect(byTextOrThrow(ms, 'Amman').attributes?.iso2).toBe('JO');
    expect(byTextOrThrow(ms, 'Nairobi').attributes?.iso2).toBe('KE');
  });

  it('finds a non-capital city after a locative, with a leading "The" kept ("in The Hague")', () => {
    const ms = mentionsOf('Leaders will gather in The Hague in June, and officials met in Erbil.');
    const hague = byTextOrThrow(ms, 'The Hague');
    expect(hague).toMatchObject({ type: 'place', name: 'The Hague', rule: 'mentions.gazetteer.city' });
    expect(hague.attributes?.iso2).toBe('NL');
    expect(hague.attributes?.lat).toBeCloseTo(52.08, 1);
    expect(byTextOrThrow(ms, 'Erbil').attributes?.iso2).toBe('IQ');
  });

  it('takes the dateline city even when the gazetteer alone would not ("GENEVA (Reuters) -")', () => {
    const ms = mentionsOf('GENEVA (Reuters) - Talks on Sudan began on Monday.');
    expect(byTextOrThrow(ms, 'GENEVA')).toMatchObject({ type: 'place', name: 'Geneva', rule: 'mentions.dateline' });
  });

  it('finds regions (Western Balkans, Indo-Pacific, Sahel) as places of kind region', () => {
    const ms = mentionsOf('Attention turned to the Western Balkans and the Sahel, and to partners in the Indo-Pacific.');
    const regions = ms.filter((m) => m.rule === 'mentions.dictionary.region');
    expect(regions.map((m) => m.key)).toEqual(['region:western-balkans', 'region:sahel', 'region:indo-pacific']);
    for (const r of regions) expect(r.attributes?.placeKind).toBe('region');
  });
});

describe('instruments', () => {
  it('finds NATO instruments the lexicon knows, with their kind and owner', () => {
    const ms = mentionsOf('Cooperation runs through the Defence Capacity Building Initiative and the Hub for the South.');
    const dcb = byTextOrThrow(ms, 'Defence Capacity Building Initiative');
    expect(dcb).toMatchObject({ type: 'instrument', key: 'inst:nato.dcb', rule: 'mentions.dictionary.lexicon' });
    expect(dcb.attributes).toMatchObject({ instrumentKind: 'initiative', parentOrganization: 'NATO' });
    const hub = byTextOrThrow(ms, 'Hub for the South');
    expect(hub.attributes).toMatchObject({ instrumentKind: 'hub', parentOrganization: 'NATO' });
  });

  it('names new instruments by their capitalised head noun ("Sahel Stabilisation Fund", "Centre for the Gulf of Guinea")', () => {
    const ms = mentionsOf('The AU launched the Sahel Stabilisation Fund and a Maritime Coordination Centre for the Gulf of Guinea.');
    expect(byTextOrThrow(ms, 'Sahel Stabilisation Fund')).toMatchObject({ type: 'instrument', rule: 'mentions.instrument.head-noun' });
    expect(byTextOrThrow(ms, 'Sahel Stabilisation Fund').attributes?.instrumentKind).toBe('fund');
    expect(byTextOrThrow(ms, 'Maritime Coordination Centre for the Gulf of Guinea').attributes?.instrumentKind).toBe('centre');
  });

  it('gives a capitalised instrument its owner ("EU Border Assistance Centre")', () => {
    const ms = mentionsOf('The EU Border Assistance Centre will train customs officers.');
    const c = byTextOrThrow(ms, 'EU Border Assistance Centre');
    expect(c).toMatchObject({ type: 'instrument', rule: 'mentions.instrument.head-noun' });
    expect(c.attributes).toMatchObject({ instrumentKind: 'centre', parentOrganization: 'European Union' });
  });

  it('keeps a city host after a capitalised instrument ("EU Border Assistance Centre in Tirana")', () => {
    const ms = mentionsOf('The EU Border Assistance Centre in Tirana will train customs officers.');
    const centre = ms.find((m) => m.type === 'instrument' && m.text.startsWith('EU Border Assistance Centre'));
    expect(centre?.attributes?.hostPlace).toBe('Tirana');
    expect(byTextOrThrow(ms, 'Tirana').type).toBe('place');
  });

  it('reads "the Indonesian leader" as the Indonesian leader named before, not the last person named', () => {
    const ms = mentionsOf('Indonesian President Prabowo Subianto arrived in Paris. French President Emmanuel Macron greeted him. The Indonesian leader held talks with Macron.');
    expect(byTextOrThrow(ms, 'leader')).toMatchObject({ key: 'person:prabowo-subianto', rule: 'mentions.reference.leader' });
    const none = mentionsOf('French President Emmanuel Macron spoke. The Indonesian leader was absent.');
    expect(none.some((m) => m.text === 'leader')).toBe(false);
  });

  it('keeps two known bodies joined by "and" apart ("the EU and African Union ministers")', () => {
    const ms = mentionsOf('The EU and African Union ministers met in Brussels.');
    expect(byTextOrThrow(ms, 'EU').key).toBe('org:eu');
    expect(byTextOrThrow(ms, 'African Union').key).toBe('org:au');
    expect(ms.some((m) => m.text === 'EU and African Union')).toBe(false);
  });

  it('prefers a long name after "the" to a collective noun with the article ("the Organization for Security and Co-operation in Europe")', () => {
    const ms = mentionsOf('Ministers of the Organization for Security and Co-operation in Europe met in Malta.');
    expect(byTextOrThrow(ms, 'Organization for Security and Co-operation in Europe')).toMatchObject({ key: 'org:osce', rule: 'mentions.dictionary.lexicon' });
  });

  it('finds a small town where the text places something ("talks in Davos"), not a bare capitalised word', () => {
    const ms = mentionsOf('The foreign ministers held talks in Davos on Tuesday.');
    expect(byTextOrThrow(ms, 'Davos')).toMatchObject({ type: 'place', rule: 'mentions.gazetteer.city' });
    expect(mentionsOf('Davos talks ended.').some((m) => m.text === 'Davos')).toBe(false);
  });

  it('keeps a country host after a capitalised instrument ("Regional Centre in Kuwait")', () => {
    const ms = mentionsOf('Allies use the Gulf Maritime Regional Centre in Kuwait for training.');
    const centre = ms.find((m) => m.type === 'instrument' && m.rule === 'mentions.instrument.head-noun');
    expect(centre?.text.startsWith('Gulf Maritime Regional Centre')).toBe(true);
    expect(centre?.attributes).toMatchObject({ instrumentKind: 'centre', hostPlace: 'Kuwait' });
    expect(byTextOrThrow(ms, 'Kuwait').key).toBe('country:KW');
  });

  it('reads a lower-case instrument with its host ("a liaison office in Amman")', () => {
    const ms = mentionsOf('Ministers will review plans to open a liaison office in Amman.');
    const office = byTextOrThrow(ms, 'liaison office in Amman');
    expect(office).toMatchObject({ type: 'instrument', rule: 'mentions.instrument.lowercase-head' });
    expect(office.attributes).toMatchObject({ instrumentKind: 'office', hostPlace: 'Amman' });
    // The host stays a place mention in its own right.
    expect(byTextOrThrow(ms, 'Amman').type).toBe('place');
  });

  it('gives a lower-case instrument its owner ("NATO liaison office in Amman", "the EU\'s training mission in Somalia")', () => {
    const ms = mentionsOf("Allies discussed a NATO liaison office in Amman and the EU's training mission in Somalia.");
    const office = byTextOrThrow(ms, 'NATO liaison office in Amman');
    expect(office.attributes).toMatchObject({ instrumentKind: 'office', hostPlace: 'Amman', parentOrganization: 'NATO' });
    const mission = ms.find((m) => m.type === 'instrument' && m.attributes?.instrumentKind === 'mission');
    expect(mission?.attributes).toMatchObject({ hostPlace: 'Somalia', parentOrganization: 'European Union' });
  });
});

describe('evidence', () => {
  it('every mention points at its own characters: text.slice(start, end) === mention.text', () => {
    // Curly quotes, dashes and accents go through normalize first; offsets point into its output.
    mentionsOf('BRUSSELS (ALETIHAD)\nNATO’s foreign ministers — meeting in Brussels — heard Ukrainian Foreign Minister Andrii Sybiha. “We need help,” Sybiha said.');
    mentionsOf('Communiqué: The Peace and Security Council of the African Union (PSC) met in Addis Ababa. The PSC requested the AU Commission to report.');
    expect(seen.length).toBeGreaterThan(30);
    let checked = 0;
    for (const { text, mentions } of seen) {
      for (const m of mentions) {
        expect(text.slice(m.start, m.end), `${m.rule} "${m.text}"`).toBe(m.text);
        expect(m.rule).toMatch(/^mentions\./);
        expect(m.key).not.toBe('');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
