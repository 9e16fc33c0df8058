/** Condition fragments shared by rule families, so a type vocabulary is spelt in one place. */
export const WEB = "isType('web-application', 'api', 'cms', 'web-server')";
export const HUMAN = "isType('human', 'browser', 'mobile-app')";
export const SENSITIVE_DATA = ['credentials', 'pii', 'card-data', 'secrets', 'health', 'financial'] as const;
export const SENSITIVE = `handles(${SENSITIVE_DATA.map((d) => `'${d}'`).join(', ')})`;
export const DEVOPS = "isType('build-pipeline', 'source-repository', 'artifact-registry', 'devops-client')";
export const INFRA_PASSTHROUGH = "isType('load-balancer', 'reverse-proxy', 'waf', 'ids', 'ips', 'gateway')";

/** A suggested mitigation with its ATT&CK mitigation ids. */
export const m = (title: string, ...attack: string[]) => (attack.length > 0 ? { title, attack } : { title });

export const OWASP_CS = (page: string) =>
  `https://cheatsheetseries.owasp.org/cheatsheets/${page}_Cheat_Sheet.html`;
export const OAT = (n: string) =>
  `https://owasp.org/www-project-automated-threats-to-web-applications/assets/oats/EN/OAT-${n}`;
export const THREAGILE = (id: string) => `threagile:${id}`;
