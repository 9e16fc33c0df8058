import { technologyName } from '../engine/views.ts';
import type { Element } from '../model/schema.ts';

/**
 * Which ATT&CK Enterprise platforms (`x_mitre_platforms`) an element stands for, from words in
 * its type and technologies:
 *
 * | words (any part of the type or a technology name)                     | platform          |
 * | windows, iis, .net, dotnet, mssql, sql-server, active-directory, exchange | Windows       |
 * | linux, ubuntu, debian, rhel, centos, alpine, nginx, apache, httpd         | Linux         |
 * | macos, osx                                                                | macOS         |
 * | esxi, vmware, vsphere                                                     | ESXi          |
 * | aws, azure, gcp, s3, ec2, lambda, cloud, object-storage, bucket           | IaaS          |
 * | kubernetes, k8s, docker, container, pod                                   | Containers    |
 * | firewall, router, switch, vpn, load-balancer, gateway, proxy, waf         | Network Devices |
 * | saas, salesforce, slack, servicenow, jira                                 | SaaS          |
 * | identity-provider, idp, okta, entra, azure-ad, keycloak, sso, ldap        | Identity Provider |
 * | office, microsoft-365, m365, email, mail, google-workspace                 | Office Suite  |
 *
 * `machine: container` adds Containers and Linux, `machine: serverless` adds IaaS. A process or
 * datastore matching no word is a server of unknown system: Linux and Windows.
 * Actors, external entities (not ours to defend) and out-of-scope elements stand for none;
 * PRE (reconnaissance, resource development) happens off our systems and is never proposed.
 */
const WORDS: [string[], string][] = [
  [['windows', 'iis', '.net', 'dotnet', 'mssql', 'sql-server', 'active-directory', 'exchange'], 'Windows'],
  [['linux', 'ubuntu', 'debian', 'rhel', 'centos', 'alpine', 'nginx', 'apache', 'httpd'], 'Linux'],
  [['macos', 'osx'], 'macOS'],
  [['esxi', 'vmware', 'vsphere'], 'ESXi'],
  [['aws', 'azure', 'gcp', 's3', 'ec2', 'lambda', 'cloud', 'object-storage', 'bucket'], 'IaaS'],
  [['kubernetes', 'k8s', 'docker', 'container', 'pod'], 'Containers'],
  [['firewall', 'router', 'switch', 'vpn', 'load-balancer', 'gateway', 'proxy', 'waf'], 'Network Devices'],
  [['saas', 'salesforce', 'slack', 'servicenow', 'jira'], 'SaaS'],
  [['identity-provider', 'idp', 'okta', 'entra', 'azure-ad', 'keycloak', 'sso', 'ldap'], 'Identity Provider'],
  [['office', 'microsoft-365', 'm365', 'email', 'mail', 'google-workspace'], 'Office Suite'],
];

/** Words of a name: split on anything but letters, digits, dots and dashes, plus the whole name. */
const wordsOf = (text: string) => [text, ...text.split(/[^a-z0-9.-]+/)].filter((w) => w !== '');

export function elementPlatforms(e: Element): string[] {
  if (e.outOfScope || e.kind === 'actor' || e.kind === 'external-entity') return [];
  const words = new Set(
    [(e.type ?? '').toLowerCase(), ...(e.technologies ?? []).map(technologyName)].flatMap(wordsOf),
  );
  const out = new Set<string>();
  for (const [keys, platform] of WORDS)
    if (keys.some((k) => words.has(k) || [...words].some((w) => w.split('-').includes(k)))) out.add(platform);
  if (e.machine === 'container') ['Containers', 'Linux'].forEach((p) => out.add(p));
  if (e.machine === 'serverless') out.add('IaaS');
  if (out.size === 0) ['Linux', 'Windows'].forEach((p) => out.add(p));
  return [...out].sort();
}
