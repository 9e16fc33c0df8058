import type { ImpactDimension, Stride } from '../model/rule-schema.ts';
import type { Asset } from '../model/schema.ts';
import type { Factor } from './factor.ts';
import { clamp } from './matrix.ts';
import type { RiskProfile } from './profile.ts';

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

/** Impact of a breach of data of a category when no rated asset says otherwise. */
const DATA_IMPACT: Readonly<Record<string, number>> = {
  credentials: 4,
  secrets: 4,
  'card-data': 4,
  health: 4,
  pii: 4,
  financial: 4,
  'session-tokens': 4,
  'source-code': 3,
  business: 3,
  logs: 2,
};
const HIGH_VALUE_DATA = Object.keys(DATA_IMPACT).filter((d) => DATA_IMPACT[d] === 4);

export interface ImpactInput {
  /** The rated assets the threat touches. */
  assets: readonly Asset[];
  /** Data categories the threatened element or flow handles (its own and its assets'). */
  data: readonly string[];
  dimensions: readonly ImpactDimension[];
  stride: Stride;
  profile?: RiskProfile;
}

type Rated = { value: number; factors: Factor[] };

/**
 * Impact 1–5 from the touched assets' ratings on the rule's dimensions (all three for elevation
 * of privilege, which hands the attacker the component), an asset's rating raised by one when
 * its stated criticality exceeds it. A profile narrows the assets to those holding the data the threat
 * reaches and caps what the threat can do by itself. Without rated assets, from the data handled
 * or the STRIDE baseline.
 */
export function rateImpact(input: ImpactInput): Rated {
  const rated = uncapped(input);
  const cap = input.profile?.cap;
  if (cap && rated.value > cap.value) {
    rated.factors.push({ stage: 'impact', label: cap.reason, delta: cap.value - rated.value });
    return { value: cap.value, factors: rated.factors };
  }
  return rated;
}

function uncapped({ assets, data, dimensions, stride, profile }: ImpactInput): Rated {
  const dims: readonly ImpactDimension[] = stride === 'elevation-of-privilege' ? ['C', 'I', 'A'] : dimensions;
  const focus: readonly string[] | undefined = profile?.data;
  const relevant = focus ? assets.filter((a) => a.data?.some((d) => focus.includes(d)) === true) : assets;
  if (relevant.length > 0) return fromAssets(relevant, dims, focus);

  const handled = data.filter((d) => (focus ?? HIGH_VALUE_DATA).includes(d) && DATA_IMPACT[d] !== undefined);
  if (handled.length > 0 && dims.some((d) => d !== 'A')) {
    const value = Math.max(...handled.map((d) => DATA_IMPACT[d]!));
    return {
      value,
      factors: [{ stage: 'impact', label: `handles ${handled.join(', ')} (no rated asset)`, value }],
    };
  }
  const baseline = STRIDE_BASELINE[stride];
  return {
    value: baseline,
    factors: [{ stage: 'impact', label: `no rated asset: ${stride} baseline`, value: baseline }],
  };
}

function fromAssets(
  assets: readonly Asset[],
  dims: readonly ImpactDimension[],
  focus?: readonly string[],
): Rated {
  let base = 0;
  let value = 0;
  let raisedBy = 0;
  for (const a of assets) {
    const rating = Math.max(...dims.map((d) => a[FIELD[d]]));
    base = Math.max(base, rating);
    // Only a stated criticality raises the rating, and only that asset's own: the default (the
    // highest of C, I, A) would let a threat to one property borrow the rating of another.
    const raised = a.criticality !== undefined && a.criticality >= 4 && a.criticality > rating;
    if (raised && rating + 1 > value) raisedBy = a.criticality!;
    value = Math.max(value, raised ? rating + 1 : rating);
  }
  const held = (d: string) => assets.some((a) => (a.data as readonly string[] | undefined)?.includes(d));
  const holding = focus ? ` holding ${focus.filter(held).join(', ')}` : ' touched';
  const factors: Factor[] = [
    { stage: 'impact', label: `highest ${dims.join('/')} rating of the assets${holding}`, value: base },
  ];
  if (value > base) factors.push({ stage: 'impact', label: `asset criticality ${raisedBy}`, delta: 1 });
  return { value: clamp(value), factors };
}
