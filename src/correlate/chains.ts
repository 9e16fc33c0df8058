import type { Chain } from './run-chain.ts';
import { relationshipStep as rel } from './step.ts';
import { capecToAttack, cveToCwe, cweToCapec, technologyToCves } from './vulnerability-steps.ts';

const ACTORS = ['intrusion-set', 'malware', 'tool', 'campaign', 'threat-actor'];
const SOFTWARE = ['malware', 'tool'];

const subTechniques = rel({
  label: 'technique and sub-techniques',
  direction: 'in',
  relationshipTypes: ['subtechnique-of'],
  otherTypes: ['attack-pattern'],
  keepFrontier: true,
});
const usedByGroups = rel({
  label: 'groups using them',
  direction: 'in',
  relationshipTypes: ['uses'],
  otherTypes: ['intrusion-set'],
});
const indicators = rel({
  label: 'their indicators',
  direction: 'in',
  relationshipTypes: ['indicates'],
  otherTypes: ['indicator'],
});
const techniques = rel({
  label: 'techniques used',
  direction: 'out',
  relationshipTypes: ['uses'],
  otherTypes: ['attack-pattern'],
});
const mitigations = rel({
  label: 'mitigations',
  direction: 'in',
  relationshipTypes: ['mitigates'],
  otherTypes: ['course-of-action'],
});

/** A walk over every relationship, both ways, for objects no chain is defined for. */
export function neighbourhood(depth: number): Chain {
  const any = rel({ label: 'related', direction: 'both' });
  return { name: 'related objects', steps: Array.from({ length: depth }, () => any) };
}

/**
 * The correlation chains from each kind of object (issue: indicator → malware or intrusion
 * set → attack pattern → course of action; CVE → CWE → CAPEC → ATT&CK technique → groups
 * using it → their indicators; and the reverse directions).
 */
export const CHAINS: Record<string, Chain[]> = {
  indicator: [
    {
      name: 'indicator → actor or malware → techniques → mitigations',
      steps: [
        rel({ label: 'indicates', direction: 'out', relationshipTypes: ['indicates'], otherTypes: ACTORS }),
        techniques,
        mitigations,
      ],
    },
  ],
  'attack-pattern': [
    { name: 'technique → groups → indicators', steps: [subTechniques, usedByGroups, indicators] },
    { name: 'technique → mitigations', steps: [mitigations] },
    {
      name: 'technique → software using it',
      steps: [rel({ label: 'software', direction: 'in', relationshipTypes: ['uses'], otherTypes: SOFTWARE })],
    },
  ],
  'intrusion-set': [
    { name: 'group → techniques → mitigations', steps: [techniques, mitigations] },
    {
      name: 'group → software',
      steps: [
        rel({ label: 'software used', direction: 'out', relationshipTypes: ['uses'], otherTypes: SOFTWARE }),
      ],
    },
    { name: 'group → indicators', steps: [indicators] },
  ],
  malware: [
    { name: 'software → techniques → mitigations', steps: [techniques, mitigations] },
    {
      name: 'software → groups → indicators',
      steps: [
        rel({
          label: 'used by',
          direction: 'in',
          relationshipTypes: ['uses'],
          otherTypes: ['intrusion-set', 'campaign'],
        }),
        indicators,
      ],
    },
  ],
  campaign: [
    {
      name: 'campaign → groups',
      steps: [
        rel({
          label: 'attributed to',
          direction: 'out',
          relationshipTypes: ['attributed-to'],
          otherTypes: ['intrusion-set', 'threat-actor'],
        }),
      ],
    },
    { name: 'campaign → techniques → mitigations', steps: [techniques, mitigations] },
  ],
  'course-of-action': [
    {
      name: 'mitigation → techniques → groups',
      steps: [
        rel({
          label: 'mitigates',
          direction: 'out',
          relationshipTypes: ['mitigates'],
          otherTypes: ['attack-pattern'],
        }),
        usedByGroups,
      ],
    },
  ],
  vulnerability: [
    {
      name: 'CVE → CWE → CAPEC → ATT&CK technique → groups → indicators',
      steps: [cveToCwe, cweToCapec, capecToAttack, usedByGroups, indicators],
    },
  ],
};
CHAINS.tool = CHAINS.malware!;
CHAINS['threat-actor'] = CHAINS['intrusion-set']!;
CHAINS.capec = [
  {
    name: 'CAPEC → ATT&CK technique → groups → indicators',
    steps: [capecToAttack, usedByGroups, indicators],
  },
];
CHAINS.technology = [
  {
    name: 'technology → CVE → CWE → CAPEC → ATT&CK technique → groups',
    steps: [technologyToCves, cveToCwe, cweToCapec, capecToAttack, usedByGroups],
  },
];
