import type { View } from '../conditions/evaluate.ts';
import type { ImpactDimension, Stride } from '../model/rule-schema.ts';
import type { Factor } from './factor.ts';
import { clamp } from './matrix.ts';

const FIELD: Record<ImpactDimension, 'confidentiality' | 'integrity' | 'availability'> = {
  C: 'confidentiality',
  I: 'integrity',
  A: 'availability',
};

/** Impact when no rated asset is touched: what a STRIDE category typically costs. */
const STRIDE_BASELINE: Record<Stride, number> = {
  spoofing: 3,
  tampering: 3,
  repudiation: 2,
  'information-disclosure': 3,
  'denial-of-service': 3,
  'elevation-of-privilege': 4,
};

const HIGH_VALUE_DATA = ['credentials', 'secrets', 'card-data', 'health', 'pii', 'financial'];

export interface ImpactInput {
  /** The view whose asset ratings the threat touches (element, flow or asset). */
  view: View;
  dimensions: readonly ImpactDimension[];
  stride: Stride;
}

/**
 * Impact 1–5 from the touched assets' ratings on the rule's dimensions (all three for
 * elevation of privilege, which hands the attacker the component), raised by one when the
 * assets' criticality exceeds it; without rated assets, from the data handled or the STRIDE
 * baseline.
 */
export function rateImpact({ view, dimensions, stride }: ImpactInput): { value: number; factors: Factor[] } {
  const factors: Factor[] = [];
  const dims: readonly ImpactDimension[] = stride === 'elevation-of-privilege' ? ['C', 'I', 'A'] : dimensions;
  let value = 0;
  for (const d of dims) {
    const rating = Number(view[FIELD[d]] ?? 0);
    if (rating > value) value = rating;
  }
  if (value > 0) {
    factors.push({ stage: 'impact', label: `highest ${dims.join('/')} rating of the assets touched`, value });
    const criticality = Number(view.criticality ?? 0);
    if (criticality >= 4 && criticality > value) {
      value += 1;
      factors.push({ stage: 'impact', label: `asset criticality ${criticality}`, delta: 1 });
    }
    return { value: clamp(value), factors };
  }
  const data = (view.data as string[] | undefined) ?? [];
  const valuable = data.filter((d) => HIGH_VALUE_DATA.includes(d));
  if (valuable.length > 0 && dims.some((d) => d !== 'A')) {
    factors.push({ stage: 'impact', label: `handles ${valuable.join(', ')} (no rated asset)`, value: 4 });
    return { value: 4, factors };
  }
  const baseline = STRIDE_BASELINE[stride];
  factors.push({ stage: 'impact', label: `no rated asset: ${stride} baseline`, value: baseline });
  return { value: baseline, factors };
}
