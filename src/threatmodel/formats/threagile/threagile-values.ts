import type { Authentication, Band } from '../../model/schema.ts';
import type { BoundaryType } from '../boundary-types.ts';

/** Threagile's rating words (types/*.go) → our 1–5 scales. */
export const CONFIDENTIALITY: Record<string, number> = {
  public: 1,
  internal: 2,
  restricted: 3,
  confidential: 4,
  'strictly-confidential': 5,
};
export const CRITICALITY: Record<string, number> = {
  archive: 1,
  operational: 2,
  important: 3,
  critical: 4,
  'mission-critical': 5,
};

export const ENCRYPTION: Record<string, 'none' | 'transparent' | 'application' | 'enduser-key'> = {
  none: 'none',
  transparent: 'transparent',
  'data-with-symmetric-shared-key': 'application',
  'data-with-asymmetric-shared-key': 'application',
  'data-with-end-user-individual-key': 'enduser-key',
};

export const AUTHENTICATION: Record<string, Authentication> = {
  none: 'none',
  credentials: 'password',
  'session-id': 'token',
  token: 'token',
  'client-certificate': 'certificate',
  'two-factor': 'mfa',
  externalized: 'sso',
};

export const BOUNDARY_TYPES: Record<string, BoundaryType> = {
  'network-on-prem': 'internal-network',
  'network-dedicated-hoster': 'internal-network',
  'network-virtual-lan': 'internal-network',
  'network-cloud-provider': 'cloud-account',
  'network-cloud-security-group': 'cloud-network',
  'network-policy-namespace-isolation': 'container-namespace',
  'execution-environment': 'execution-environment',
};

export const SEVERITY: Record<string, Band> = {
  low: 'low',
  medium: 'medium',
  elevated: 'high',
  high: 'high',
  critical: 'critical',
};
export const LIKELIHOOD: Record<string, number> = { unlikely: 2, likely: 3, 'very-likely': 4, frequent: 5 };
export const IMPACT: Record<string, number> = { low: 2, medium: 3, high: 4, 'very-high': 5 };

/** Protocols Threagile treats as encrypted in transit (types/protocol.go IsEncrypted). */
export function isEncryptedProtocol(protocol: string): boolean {
  return /encrypted$|^(https|wss|ssh|ssh-tunnel|ftps|sftp|ldaps|smtp-encrypted)$/.test(protocol);
}

/** Threagile's id for a communication link: `<source id>>` plus its title in kebab case. */
export function linkId(sourceId: string, title: string): string {
  return `${sourceId}>${title.trim().toLowerCase().replace(/\s+/g, '-')}`;
}
