import type { ProposalStatus } from '../../domain/index.js';

/**
 * Wordings that mark the stage of a plan, strongest last. Each is written for how such
 * texts phrase it; the example after each says which wording it is for.
 */
export interface StatusCue {
  id: string;
  re: RegExp;
  status: ProposalStatus;
}

export const STATUS_CUES: StatusCue[] = [
  // "will review plans to open an office", "to discuss proposals for a mission"
  { id: 'review-plans', re: /\b(?:will|to|would|shall|must)\s+(?:review|consider|discuss|examine|study|assess|weigh|debate)\s+(?:plans?|proposals?|options|ways|ideas?|a plan|a proposal|the possibility)(?:\s+(?:to|for|of))?\b/gi, status: 'under_review' },
  // "among the initiatives under review", "a proposal under consideration"
  { id: 'under-review', re: /\bunder\s+(?:review|consideration|discussion|study)\b/gi, status: 'under_review' },
  // "ministers are considering a new mission"
  { id: 'considering', re: /\b(?:is|are|was|were)\s+(?:considering|reviewing|weighing|discussing|examining|exploring)\b/gi, status: 'under_review' },
  // "are expected to approve", "is set to adopt", "is poised to endorse"
  { id: 'expected-to', re: /\b(?:is|are|was|were)\s+(?:expected|set|poised|due|likely|scheduled)\s+to\s+(?:formally\s+)?(?:approve|adopt|endorse|agree|sign|launch|decide|back|give|green-light|greenlight|authori[sz]e|renew|extend|establish|open|appoint)\b/gi, status: 'expected' },
  // "to consider sending observers", "will look at supporting", "could explore"
  { id: 'consider', re: /\b(?:to|will|would|could|may|might|shall|agreed\s+to)\s+(?:consider|examine|study|look\s+(?:at|into)|explore)\b/gi, status: 'under_review' },
  // "Japan proposes widening", "offered helicopters", "tabled a regulation", "a proposal for a support office"
  { id: 'propose', re: /\b(?:propos(?:ed|es|e|al|als)|proposing(?=\s+that)|offer(?:ed|s)?|tabled|tables|put\s+forward|floated|suggest(?:ed|s)?|pitched)\b/gi, status: 'proposed' },
  // "plans to expand its presence", "intends to open"
  { id: 'plans-to', re: /\b(?:plans?|planned|planning|intends?|intended|proposes?|proposed|proposing|proposals?|seeks?|seeking|aims?|wants?|hopes?|offered|offers?)\s+(?:to|for)\b/gi, status: 'proposed' },
  // "agreed to", "approved", "decided to", "adopted", "endorsed", "signed", "renewed the mandate"; communiqués use the present ("Decides to", "Endorses")
  // and task their bodies ("We tasked the ASEAN Secretariat to", "instructed my services to", "Mandates the Commission to")
  { id: 'approved', re: /\b(?:tasked|tasks|instructed|instructs|mandated|mandates|entrusted|entrusts|approved?s?|agreed(?:\s+(?:to|on|upon))?|agrees(?:\s+to)?|decided(?:\s+to)?|decides(?:\s+to)?|adopted|adopts|endorsed|endorses|signed|signs|authori[sz]e[sd]|renewed|renews|appointed|appoints|greenlit|green-lit|ratified|ratifies|elected|electing|elects|announced|announces|pledged|pledges|backed|backs|committed\s+(?:to|itself)|declared|declares|concluded|concludes|completed|completes|finali[sz]ed|agree\s+to|agree\s+on|voted\s+(?:to|for|unanimously)|(?:extended|extends|prolonged|prolongs)\s+(?:the\s+|its\s+)?(?:[\w.-]+['’]s\s+)?mandate|reached\s+(?:a\s+|an\s+)?(?:political\s+)?agreement|struck\s+(?:a\s+|an\s+)?deal)\b/gi, status: 'approved' },
  // "the political agreement reached in Brussels", "a letter of intent signed on Sunday": the agreement named first
  { id: 'agreement-reached', re: /\b(?:agreement|deal|accord|memorandum(?:\s+of\s+understanding)?|letter\s+of\s+intent|declaration|roadmap|treaty|conclusions)\s+(?:was\s+|were\s+|had\s+been\s+)?(?:reached|signed|agreed|concluded|adopted|struck|endorsed|approved)\b/gi, status: 'approved' },
  // "launched", "opened", "inaugurated", "established", "deployed", "set up"
  { id: 'implemented', re: /\b(?:launched|launches|opened|opens|inaugurated|inaugurates|established|establishes|deployed|deploys|set\s+up|unveiled|rolled\s+out|took\s+up\s+(?:their|its)\s+posts?|sent|dispatched|delivered|flew\s+in)\b/gi, status: 'implemented' },
  // "rejected the proposal", "vetoed the resolution", "turned the plan down"
  { id: 'rejected', re: /\b(?:rejected|rejects|vetoed|vetoes|blocked|blocks|turned\s+down|turned\s+(?:the|this|that|its|his|her|their)\s+(?:plan|proposal|offer|idea|bid|request)\s+down|voted\s+(?:down|against)|dropped|shelved|abandoned|put\s+on\s+hold|fail(?:ed|s)?\s+to\s+(?:approve|adopt|agree))\b/gi, status: 'rejected' },
];

export const STATUS_RANK: Record<ProposalStatus, number> = {
  proposed: 1, under_review: 2, expected: 3, approved: 4, implemented: 5, rejected: 4,
};

/** Action verbs and nominals a plan's object starts with, grouped so that restatements merge. */
export const ACTION_FAMILIES: { family: string; re: RegExp }[] = [
  // "open a liaison office", "the establishment of an office", "set up a hub"
  { family: 'open', re: /\b(?:open(?:ing)?|establish(?:ing|ment)?|set(?:ting)?\s+up|creat(?:e|ing|ion)|launch(?:ing)?|deploy(?:ing|ment)?|inaugurat(?:e|ing|ion)|build(?:ing)?)\b/gi },
  // "expand its presence", "broadening the scope", "an enlarged scope", "extend the mandate"
  { family: 'expand', re: /\b(?:expan(?:d|ding|sion)|broaden(?:ing|ed)?|enlarg(?:e|ed|ing|ement)|extend(?:ing|ed)?|extension|increas(?:e|ing)|strengthen(?:ing)?|reinforc(?:e|ed|ing)|scal(?:e|ing)\s+up|renew(?:al|ing)?|step(?:ping)?\s+up)\b/gi },
  // "appoint a special envoy"
  { family: 'appoint', re: /\b(?:appoint(?:ing|ment)?|nam(?:e|ing)|nominat(?:e|ing|ion))\b/gi },
  // "sign an agreement", "adopt a declaration"
  { family: 'agree', re: /\b(?:sign(?:ing)?|adopt(?:ing|ion)?|conclud(?:e|ing)|ratif(?:y|ying|ication)|endors(?:e|ing|ement)|approv(?:e|al|ing))\b/gi },
  // "close the office", "end the mission", "withdraw"
  { family: 'close', re: /\b(?:clos(?:e|ing|ure)|end(?:ing)?(?=\s+(?:the|its|their|a|an)\b)|terminat(?:e|ing|ion)|withdraw(?:al|ing)?|suspend(?:ing)?|suspension|wind(?:ing)?\s+down)\b/gi },
  // "impose sanctions", "provide support"
  { family: 'provide', re: /\b(?:provid(?:e|ing)|allocat(?:e|ing)|send(?:ing)?|dispatch(?:ing)?|deliver(?:ing)?|fund(?:ing)?|financ(?:e|ing)|impos(?:e|ing)|widen(?:ing)?|admit(?:ting)?|resum(?:e|ing)|redeploy(?:ing|ment)?|pause|paus(?:ing)?)\b/gi },
];

// Meetings and their parts, as nouns ("foreign ministers meeting", "summit", "talks").
export const MEETING_NOUN = /\b(?:(?:foreign|defen[cs]e|finance|interior|trade|energy|health|justice|economy|economic)\s+)?(?:ministers['’]?\s+)?(?:ministerial\s+(?=meeting|gathering|conference|session))?(?:meeting|summit|ministerial|conference|talks|consultations|retreat|forum|gathering|dialogue)s?\b/gi;
export const SESSION_NOUN = /\b(?:session|working\s+(?:dinner|lunch|breakfast)|plenary)\b/gi;
// "X met Y", "will meet", "held talks with", "hosted"
export const MEETING_VERB = /\b(?:met|meets|meet|meeting\s+with|sat\s+down\s+with|sits\s+down\s+with|held\s+talks|hold\s+talks|holds\s+talks|holding\s+talks|talks\s+with|conferred\s+with|spoke\s+with|hosted|hosts|will\s+host|received|receives)\b/gi;
// "visited", "recent visits by", "travelled to", "a trip to", "arrived in"
export const VISIT = /\b(?:visit(?:s|ed|ing)?|travel(?:l?ed|l?ing|s)?\s+to|trips?\s+to|arrived\s+in|arrives\s+in|arrive\s+in|flew\s+(?:in|into|to|(?:\w+\s+){1,3}to)|flies\s+(?:in|into|to)|fly\s+(?:in|into|to)|expected\s+in|tour(?:ed|ing)?(?:\s+of)?)\b/gi;
// "following a request from", "at the request of", "asked NATO to", "called on"
export const REQUEST_NOUN = /\b(?:following|after|at|upon|in\s+response\s+to|responding\s+to|answering)\s+(?:a|an|the)\s+(?:formal\s+|official\s+|written\s+|recent\s+)?(?:request|invitation|appeal|call)\s+(?:from|by|of)\b/gi;
export const REQUEST_VERB = /\b(?:requested|requests|request(?=\s+(?:the|that))|asked|asks|called\s+(?:on|upon)|calls\s+(?:on|upon)|call\s+(?:on|upon)|urged|urges|appealed\s+to|appeals\s+to|sought|seeks|invited|invites|submitted\s+a\s+request|made\s+a\s+request|applied\s+for|applies\s+for)\b/gi;

export const CANCELLED = /\b(?:cancel(?:l?ed)|called\s+off|postponed|scrapped)\b/i;
export const PAST_CUES = /\b(?:last|previous|recent|recently|past|earlier|held|took\s+place|met|was|were|had|did|visited|hosted|attended|said|told|added|stressed|noted)\b/i;
export const FUTURE_CUES = /\b(?:will|shall|next|upcoming|coming|ahead\s+of|scheduled|to\s+be\s+held|due\s+to|set\s+to|is\s+to|are\s+to|plans?\s+to|expected\s+to|would)\b/i;
// "said on Wednesday": a time that dates the reporting, not the event.
export const REPORTING_BEFORE_TIME = /\b(?:said|says|told|added|announced|stated|noted|revealed|confirmed|explained|stressed)\s*$/i;
