import type { Evidence } from './evidence.ts';

export const FEATURES = [
  'sources',
  'confidence',
  'sightings',
  'benign',
  'actors',
  'targeting',
  'kev',
  'epss',
] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureVector = Record<Feature, number>;

/** Admiralty source reliability (A completely reliable … E unreliable; F cannot be judged). */
const RELIABILITY: Record<string, number> = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.3 };
const UNRATED = 0.3;

export function reliabilityWeight(r: string | null): number {
  return r === null ? UNRATED : (RELIABILITY[r] ?? UNRATED);
}

/** The numbers the model reads from the evidence; log scales so that the tenth source adds less than the second. */
export function featuresOf(e: Evidence): FeatureVector {
  const weighted = e.sources.reduce((n, s) => n + reliabilityWeight(s.reliability), 0);
  return {
    sources: Math.log2(1 + weighted),
    confidence: (e.confidence ?? 50) / 100 - 0.5,
    sightings: Math.log2(1 + e.sightings.count),
    benign: e.benign.length > 0 ? 1 : 0,
    actors: Math.log2(1 + e.actors.length),
    targeting: e.targeting.length > 0 ? 1 : 0,
    kev: e.kev ? 1 : 0,
    epss: e.epss ?? 0,
  };
}

/** Why each feature has its value, in words, for the factor list of a score. */
export function detailsOf(e: Evidence): Record<Feature, string> {
  const names = (xs: { name: string | null; id?: string }[]) => xs.map((x) => x.name ?? x.id).join(', ');
  return {
    sources: `${e.sources.length} source(s): ${e.sources.map((s) => `${s.name} (${s.reliability ?? 'unrated'})`).join(', ') || 'none'}`,
    confidence:
      e.confidence === null ? 'no stated confidence (taken as 50)' : `stated confidence ${e.confidence}`,
    sightings: `${e.sightings.count} sighting(s)${e.sightings.last ? `, last ${e.sightings.last}` : ''}`,
    benign:
      e.benign.length > 0
        ? `on known-benign list(s): ${e.benign.map((b) => `${b.list} (${b.category})`).join(', ')}`
        : 'on no known-benign list',
    actors: e.actors.length > 0 ? `linked to ${names(e.actors)}` : 'linked to no known actor or malware',
    targeting:
      e.targeting.length > 0
        ? `linked actors target the organization: ${e.targeting.join(', ')}`
        : 'no targeting of the organization known',
    kev: e.kev
      ? 'in CISA KEV (exploited in the wild)'
      : e.kind === 'cve'
        ? 'not in CISA KEV'
        : 'not a vulnerability',
    epss: e.epss === null ? 'no EPSS score' : `EPSS ${e.epss}`,
  };
}
