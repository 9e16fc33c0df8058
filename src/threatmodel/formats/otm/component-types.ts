import type { ElementKind } from '../../model/schema.ts';

interface KindAndType {
  kind: ElementKind;
  type: string;
}

/**
 * IriusRisk component types (as found in OTM `components[].type`, e.g. `rds`,
 * `CD-MICROSOFT-AZURE-DB-POSTGRESQL`, `android-device-client`) → element kind and the sub-type
 * rules key on. Tried in order; the first match wins; anything else is a process.
 */
const TABLE: [RegExp, KindAndType][] = [
  [
    /(^|-)(user|users|actor|person|human|customer|employee|admin|operator)(-|$)/,
    { kind: 'actor', type: 'human' },
  ],
  [
    /client|device|browser|mobile|android|ios|desktop|iot|smartphone|laptop/,
    { kind: 'external-entity', type: 'client' },
  ],
  [
    /kms|secret|vault|hsm|(^|-)acm($|-)|certificate-manager|key-management/,
    { kind: 'datastore', type: 'vault' },
  ],
  [
    /(^|-)(mq|sqs|sns|queue|kafka|kinesis|event-?hub|service-?bus|eventbridge|pubsub)($|-)/,
    { kind: 'datastore', type: 'queue' },
  ],
  [
    /(^|-)(s3|blob|bucket|storage|glacier|efs|ebs|file-?system|fs|ecr|registry|container-registry)($|-)/,
    { kind: 'datastore', type: 'object-storage' },
  ],
  [
    /db|database|sql|rds|dynamo|redshift|aurora|cosmos|mongo|cassandra|elasticache|redis|memcache|key-value|datastore|data-store|athena|warehouse/,
    { kind: 'datastore', type: 'database' },
  ],
  [
    /cloudwatch|cloudtrail|log|monitor|siem|guardduty|inspector|macie|config$/,
    { kind: 'process', type: 'monitoring' },
  ],
  [
    /api-gateway|gateway|load-balancer|(^|-)(elb|alb|nlb)($|-)|cloudfront|cdn|waf|proxy|ingress/,
    { kind: 'process', type: 'gateway' },
  ],
  [/lambda|function|serverless/, { kind: 'process', type: 'function' }],
  [/(^|-)(vpc|vnet|subnet|network|security-group)($|-)/, { kind: 'process', type: 'network' }],
  [
    /web-client|web-application|web-app|server-side|cms|web-server|webserver|website/,
    { kind: 'process', type: 'web-application' },
  ],
  [/web-service|(^|-)api($|-)|rest|graphql|grpc|microservice/, { kind: 'process', type: 'api' }],
  [
    /ec2|container|docker|ecs|eks|kubernetes|vm|virtual-machine|compute|instance/,
    { kind: 'process', type: 'compute' },
  ],
  [/cognito|identity|auth|sso|idp|ldap|active-directory/, { kind: 'process', type: 'identity-provider' }],
];

/** Placeholder types that say nothing about the component. */
const GENERIC = new Set(['', 'empty-component', 'generic', 'component']);

export function elementKindFromComponentType(otmType: string): KindAndType {
  const t = otmType.toLowerCase().replace(/_/g, '-');
  if (GENERIC.has(t)) return { kind: 'process', type: 'service' };
  return TABLE.find(([pattern]) => pattern.test(t))?.[1] ?? { kind: 'process', type: 'service' };
}

export function isGenericComponentType(otmType: string): boolean {
  return GENERIC.has(otmType.toLowerCase());
}
