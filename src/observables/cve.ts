// CVE ids (CVE Numbering Authority rules, 2014 syntax change): a year, then a sequence of four
// digits or of five or more without leading zeros. Unicode hyphens (U+2010, U+2011) count as `-`.
const CVE = /^CVE[-\u2010\u2011](\d{4})[-\u2010\u2011](\d{4}|[1-9]\d{4,18})$/i;

/** CVE canonical form: upper-case `CVE-YYYY-NNNN`. */
export function parseCve(s: string): string | null {
  const m = CVE.exec(s);
  if (!m || Number(m[1]) < 1999) return null;
  return `CVE-${m[1]}-${m[2]}`;
}
