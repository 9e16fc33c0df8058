import type { View } from '../conditions/evaluate.ts';
import type { Asset, Authentication, DataFlow, Element, Technology, ThreatModel } from '../model/schema.ts';

/** Strength of an authentication method, 0 (none) to 3 (multi-factor or certificate). */
const AUTH_STRENGTH: Record<Authentication, number> = {
  none: 0,
  unknown: 0,
  password: 1,
  'api-key': 1,
  token: 2,
  sso: 2,
  certificate: 3,
  mfa: 3,
};

/** Protocols that encrypt by themselves; a flow without `encrypted` is judged by its protocol. */
const ENCRYPTED_PROTOCOLS = new Set([
  'https',
  'tls',
  'ssh',
  'sftp',
  'ftps',
  'ldaps',
  'wss',
  'mqtts',
  'amqps',
  'grpcs',
  'smtps',
  'imaps',
  'ipsec',
  'wireguard',
  'jdbc-tls',
  'kafka-tls',
  'rdp',
  'mtls',
]);

export function technologyName(t: Technology): string {
  return (typeof t === 'string' ? t : t.name).toLowerCase();
}

const lower = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());

interface Ratings {
  confidentiality: number;
  integrity: number;
  availability: number;
  criticality: number;
  data: string[];
}

/** Highest C/I/A and criticality over a set of assets (0 when none is rated), and their data. */
export function rateAssets(ids: Iterable<string>, assets: ReadonlyMap<string, Asset>): Ratings {
  const r: Ratings = { confidentiality: 0, integrity: 0, availability: 0, criticality: 0, data: [] };
  for (const id of ids) {
    const a = assets.get(id);
    if (!a) continue;
    r.confidentiality = Math.max(r.confidentiality, a.confidentiality);
    r.integrity = Math.max(r.integrity, a.integrity);
    r.availability = Math.max(r.availability, a.availability);
    r.criticality = Math.max(r.criticality, assetCriticality(a));
    r.data.push(...(a.data ?? []));
  }
  return r;
}

export const assetCriticality = (a: Asset) =>
  a.criticality ?? Math.max(a.confidentiality, a.integrity, a.availability);

export function elementView(e: Element, assets: ReadonlyMap<string, Asset>): View {
  const touched = [...(e.assetsProcessed ?? []), ...(e.assetsStored ?? [])];
  const r = rateAssets(touched, assets);
  const authentication = e.authentication ?? 'unknown';
  const encryptionAtRest = e.encryptionAtRest ?? 'none';
  return {
    id: e.id,
    name: e.name ?? e.id,
    kind: e.kind,
    type: (e.type ?? '').toLowerCase(),
    technologies: (e.technologies ?? []).map(technologyName),
    internetFacing: e.internetFacing ?? false,
    authentication,
    authStrength: AUTH_STRENGTH[authentication],
    authorization: e.authorization ?? 'unknown',
    encryptionAtRest,
    encrypted: encryptionAtRest !== 'none',
    inputValidation: e.inputValidation ?? false,
    outputEncoding: e.outputEncoding ?? false,
    logging: e.logging ?? 'none',
    multiTenant: e.multiTenant ?? false,
    privilege: e.privilege ?? 'unknown',
    machine: e.machine ?? 'unknown',
    customDeveloped: e.customDeveloped ?? false,
    redundant: e.redundant ?? false,
    dataFormats: lower(e.dataFormats),
    data: [...new Set([...(e.data ?? []), ...r.data])],
    controls: lower(e.controls),
    tags: lower(e.tags),
    properties: e.properties ?? {},
    confidentiality: r.confidentiality,
    integrity: r.integrity,
    availability: r.availability,
    criticality: r.criticality,
    outOfScope: e.outOfScope ?? false,
  };
}

export function flowView(f: DataFlow, assets: ReadonlyMap<string, Asset>): View {
  const r = rateAssets(f.assets ?? [], assets);
  const protocol = (f.protocol ?? 'unknown').toLowerCase();
  const authentication = f.authentication ?? 'unknown';
  return {
    id: f.id,
    name: f.name ?? f.id,
    protocol,
    port: f.port ?? null,
    encrypted: f.encrypted ?? ENCRYPTED_PROTOCOLS.has(protocol),
    authentication,
    authStrength: AUTH_STRENGTH[authentication],
    vpn: f.vpn ?? false,
    readonly: f.readonly ?? false,
    usage: f.usage ?? 'business',
    data: [...new Set([...(f.data ?? []), ...r.data])],
    controls: lower(f.controls),
    tags: lower(f.tags),
    properties: f.properties ?? {},
    bidirectional: f.bidirectional ?? false,
    confidentiality: r.confidentiality,
    integrity: r.integrity,
    availability: r.availability,
    criticality: r.criticality,
    outOfScope: f.outOfScope ?? false,
  };
}

export function assetView(a: Asset): View {
  return {
    id: a.id,
    name: a.name ?? a.id,
    kind: a.kind,
    confidentiality: a.confidentiality,
    integrity: a.integrity,
    availability: a.availability,
    criticality: assetCriticality(a),
    data: a.data ?? [],
    tags: lower(a.tags),
  };
}

export function modelView(model: ThreatModel): View {
  return {
    id: '$model',
    complianceScopes: lower(model.objectives.complianceScopes),
    riskAppetite: model.objectives.riskAppetite,
  };
}
