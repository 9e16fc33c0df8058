import { BOUNDARY_TYPES } from '../model/schema.ts';

export type BoundaryType = (typeof BOUNDARY_TYPES)[number];

/** Keyword → boundary type, tried in order on the source's type text and then the name. */
const KEYWORDS: [RegExp, BoundaryType][] = [
  [/vpc|vnet|subnet|security-?group|network-cloud-security/, 'cloud-network'],
  [/cloud|aws|azure|gcp|account|subscription|tenant/, 'cloud-account'],
  [/internet|public|untrusted|wan\b/, 'internet'],
  [/dmz|perimeter/, 'dmz'],
  [/third|partner|vendor|external|saas/, 'third-party'],
  [/namespace|container|k8s|kubernetes|cluster|pod/, 'container-namespace'],
  [/sandbox|execution|runtime|process|host|machine|\bvm\b|virtuali/, 'execution-environment'],
  [/physical|datacenter|data-center|premises|building/, 'physical'],
  [/private|internal|intranet|corp|on-?prem|lan\b|network|trusted|backend|management/, 'internal-network'],
];

/** Maps another tool's trust-zone type or name to a Threatloom boundary type (identity on our own values). */
export function boundaryTypeFrom(...hints: (string | undefined)[]): BoundaryType {
  for (const hint of hints) {
    if (hint === undefined) continue;
    const text = hint.toLowerCase();
    if ((BOUNDARY_TYPES as readonly string[]).includes(text)) return text as BoundaryType;
    for (const [pattern, type] of KEYWORDS) if (pattern.test(text)) return type;
  }
  return 'other';
}
