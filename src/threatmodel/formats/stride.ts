import { STRIDE, type Stride } from '../model/rule-schema.ts';

/** Reads a STRIDE category however a tool spells it: "Information disclosure", "DoS", "Elevation of Privileges". */
export function strideFrom(text: string | undefined): Stride | undefined {
  if (text === undefined) return undefined;
  const t = text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (t === 'dos' || t === 'ddos') return 'denial-of-service';
  if (t === 'eop') return 'elevation-of-privilege';
  const hit = STRIDE.find((s) => t.replace(/s$/, '').startsWith(s.replace(/-/g, ' ').replace(/s$/, '')));
  if (hit) return hit;
  return STRIDE.find((s) => t === s[0]);
}

/** The STRIDE category as people write it ("Information disclosure"). */
export function strideLabel(stride: Stride): string {
  const words = stride.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
