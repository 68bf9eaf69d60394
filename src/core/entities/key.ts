// The key that says two names are the same entity: "Tik Tok", "TikTok's", "TIKTOK" and
// "TikTok Inc." all read `tiktok`. Spelling, case, accents, spaces, punctuation, a
// possessive, a leading "the" and a legal form do not tell entities apart; anything else
// does, so near misses ("TikTock") are left for the researcher to alias by hand.

const LEGAL_FORMS =
  /(?:,?\s+(?:inc|incorporated|ltd|limited|llc|llp|lp|corp|corporation|plc|gmbh|ag|sa|sas|nv|bv|pty|co|company|holdings?|group)\.?)+$/i;
const POSSESSIVE = /['’]s?$/;
const LEADING_THE = /^the\s+/i;

/** The key of a name: lower case, without accents, spaces, punctuation, "the", a possessive or a legal form. */
export function entityKey(name: string): string {
  let s = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  s = s.replace(POSSESSIVE, '').replace(LEADING_THE, '');
  const stripped = s.replace(LEGAL_FORMS, '');
  // "The Company" or "Holdings" alone stay what they are.
  if (/[\p{L}\p{N}]/u.test(stripped)) s = stripped;
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
