import type {
  ComparisonExpression,
  Literal,
  ObjectPath,
  ObservationExpression,
  PatternAst,
  Qualifier,
} from './ast.ts';
import { isKeyword } from './lexer.ts';

/**
 * Prints a syntax tree as a canonical STIX pattern: single spaces around operators, `=` and `!=`
 * for equality, property names quoted only where needed, and parentheses exactly where the
 * tree's nesting differs from what precedence and left-to-right chaining would give.
 * `parsePattern(serializePattern(ast))` deep-equals `ast`.
 */
export function serializePattern(ast: PatternAst): string {
  return observation(ast).text;
}

const OBSERVATION_PRECEDENCE = { FOLLOWEDBY: 1, OR: 2, AND: 3 } as const;
const COMPARISON_PRECEDENCE = { OR: 1, AND: 2 } as const;

/** `chain` holds the qualifier kinds trailing the printed text outside any parentheses. */
interface Printed {
  text: string;
  chain: ReadonlySet<Qualifier['type']>;
}

const NO_CHAIN: ReadonlySet<Qualifier['type']> = new Set();

function observation(node: ObservationExpression): Printed {
  switch (node.type) {
    case 'observation':
      return { text: `[${comparison(node.comparison)}]`, chain: NO_CHAIN };
    case 'observation-op': {
      const precedence = OBSERVATION_PRECEDENCE[node.operator];
      const parts = node.operands.map((operand) => {
        const text = observation(operand).text;
        const wrap =
          operand.type === 'observation-op' && OBSERVATION_PRECEDENCE[operand.operator] <= precedence;
        return wrap ? `(${text})` : text;
      });
      return { text: parts.join(` ${node.operator} `), chain: NO_CHAIN };
    }
    case 'qualified': {
      const inner = observation(node.expression);
      // A qualifier binds to the observation before it; a repeated kind needs parentheses.
      const wrap = node.expression.type === 'observation-op' || inner.chain.has(node.qualifier.type);
      const chain = new Set(wrap ? [] : inner.chain).add(node.qualifier.type);
      return { text: `${wrap ? `(${inner.text})` : inner.text} ${qualifier(node.qualifier)}`, chain };
    }
  }
}

function qualifier(q: Qualifier): string {
  switch (q.type) {
    case 'within':
      return `WITHIN ${q.seconds} SECONDS`;
    case 'repeats':
      return `REPEATS ${q.times} TIMES`;
    case 'start-stop':
      return `START t'${q.start}' STOP t'${q.stop}'`;
  }
}

function comparison(node: ComparisonExpression): string {
  switch (node.type) {
    case 'test':
      return `${path(node.path)} ${node.negated ? 'NOT ' : ''}${node.operator} ${literal(node.value)}`;
    case 'in':
      return `${path(node.path)} ${node.negated ? 'NOT ' : ''}IN (${node.values.map(literal).join(', ')})`;
    case 'exists':
      return `EXISTS ${path(node.path)}`;
    case 'comparison-op': {
      const precedence = COMPARISON_PRECEDENCE[node.operator];
      const parts = node.operands.map((operand) => {
        const text = comparison(operand);
        const wrap =
          operand.type === 'comparison-op' && COMPARISON_PRECEDENCE[operand.operator] <= precedence;
        return wrap ? `(${text})` : text;
      });
      return parts.join(` ${node.operator} `);
    }
  }
}

function path(p: ObjectPath): string {
  const steps = p.steps.map((step, i) => {
    if ('key' in step) return `${i === 0 ? '' : '.'}${key(step.key)}`;
    return `[${step.index}]`;
  });
  return `${p.objectType}:${steps.join('')}`;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function key(k: string): string {
  return PLAIN_KEY.test(k) && !isKeyword(k) ? k : quote(k);
}

function quote(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function literal(l: Literal): string {
  switch (l.type) {
    case 'string':
      return quote(l.value);
    case 'int':
    case 'float':
      return l.value;
    case 'bool':
      return String(l.value);
    case 'timestamp':
      return `t'${l.value}'`;
    case 'hex':
      return `h'${l.value}'`;
    case 'binary':
      return `b'${l.value}'`;
  }
}
