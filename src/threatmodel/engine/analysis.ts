import type { Rule, Stride } from '../model/rule-schema.ts';
import type { Band, Decision, RiskMatrix, ThreatStatus } from '../model/schema.ts';
import type { LikelihoodEvidence } from '../risk/evidence.ts';
import type { Factor } from '../risk/factor.ts';
import type { Rating } from '../risk/matrix.ts';

export interface AnalyzeOptions {
  /** Rule library to use instead of the built-in one; the model's own rules are always added. */
  rules?: readonly Rule[];
  evidence?: LikelihoodEvidence;
  /** Overrides the model's matrix. */
  matrix?: RiskMatrix;
  /** Date against which acceptance expiries are judged (default: today). */
  asOf?: Date;
}

export interface ThreatMitigation {
  /** Id of the model's mitigation; absent for a rule's suggestion or a carried threat's text. */
  id?: string;
  title: string;
  status:
    | 'proposed'
    | 'planned'
    | 'implemented'
    | 'verified'
    | 'rejected'
    | 'suggested'
    | 'control-present'
    | 'described';
  effectiveness?: number;
  owner?: string;
  attack?: string[];
}

export interface AnalyzedThreat {
  id: string;
  ruleId: string;
  title: string;
  stride: Stride;
  elementIds: string[];
  cwe: string[];
  capec: string[];
  attack: string[];
  likelihood: number;
  impact: number;
  risk: { inherent: Rating; current: Rating; projected: Rating };
  status: ThreatStatus;
  mitigations: ThreatMitigation[];
  factors: Factor[];
  /** `engine` for a rule's finding, `model` for a threat the model file carries. */
  source: 'engine' | 'model';
  /** Absent (undefined) properties are left out of the JSON form. */
  description: string | undefined;
  decision: Decision | undefined;
  references: string[];
}

export interface RegisterEntry {
  rank: number;
  threatId: string;
  title: string;
  band: Band;
  score: number;
  elementIds: string[];
  /** What to do first: the next planned or proposed mitigation, else the rule's first suggestion. */
  action: string;
}

export interface AnalysisSummary {
  threats: number;
  open: number;
  byStatus: Record<string, number>;
  byStride: Record<string, number>;
  byBand: Record<'inherent' | 'current' | 'projected', Record<Band, number>>;
  riskAppetite: Band;
  /** Highest current band among open threats, or null when none is open. */
  highestOpenBand: Band | null;
  aboveAppetite: number;
  rulesEvaluated: number;
  suppressed: number;
}

export interface Analysis {
  model: {
    title: string;
    version: string;
    description?: string;
    elements: number;
    dataFlows: number;
    trustBoundaries: number;
    assets: number;
    riskAppetite: Band;
    complianceScopes: string[];
  };
  threats: AnalyzedThreat[];
  summary: AnalysisSummary;
  register: RegisterEntry[];
  suppressed: { threatId: string; ruleId: string; elementId: string; reason: string }[];
  warnings: string[];
}
