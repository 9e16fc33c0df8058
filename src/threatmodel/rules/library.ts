import { type Rule, RuleSchema } from '../model/rule-schema.ts';
import type { RiskProfile } from '../risk/profile.ts';
import { ACCESS_CONTROL_RULES } from './families/access-control.ts';
import { ACCOUNTABILITY_RULES } from './families/accountability.ts';
import { AUTHENTICATION_RULES } from './families/authentication.ts';
import { AUTOMATED_THREAT_RULES } from './families/automated-threats.ts';
import { AVAILABILITY_RULES } from './families/availability.ts';
import { DATA_PROTECTION_RULES } from './families/data-protection.ts';
import { INFRASTRUCTURE_RULES } from './families/infrastructure.ts';
import { INJECTION_RULES } from './families/injection.ts';
import { MODEL_HYGIENE_RULES } from './families/model-hygiene.ts';
import { SECRETS_SUPPLY_CHAIN_RULES } from './families/secrets-supply-chain.ts';
import { STRIDE_PER_ELEMENT_RULES } from './families/stride-per-element.ts';

const FAMILIES = {
  injection: INJECTION_RULES,
  authentication: AUTHENTICATION_RULES,
  'access-control': ACCESS_CONTROL_RULES,
  'data-protection': DATA_PROTECTION_RULES,
  'secrets-supply-chain': SECRETS_SUPPLY_CHAIN_RULES,
  infrastructure: INFRASTRUCTURE_RULES,
  availability: AVAILABILITY_RULES,
  'automated-threats': AUTOMATED_THREAT_RULES,
  accountability: ACCOUNTABILITY_RULES,
  'model-hygiene': MODEL_HYGIENE_RULES,
  'stride-per-element': STRIDE_PER_ELEMENT_RULES,
};

// Keyed by the parsed rule object, so a model rule that reuses a library id does not inherit it.
const profiles = new WeakMap<Rule, RiskProfile>();

/** The built-in threat library, validated by the same schema as a model's own rules. */
export const BUILT_IN_RULES: readonly Rule[] = Object.freeze(
  Object.entries(FAMILIES).flatMap(([family, rules]) =>
    rules.map(({ risk, ...input }) => {
      const rule = RuleSchema.parse({ family, ...input });
      if (risk) profiles.set(rule, risk);
      return rule;
    }),
  ),
);

/** How the library rates a built-in rule's threats (see risk/profile.ts); undefined for other rules. */
export const riskProfileOf = (rule: Rule): RiskProfile | undefined => profiles.get(rule);
