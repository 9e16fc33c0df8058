export type Scalar = string | number | boolean | null;

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'contains';

export type Node =
  | { type: 'literal'; value: Scalar; column: number }
  | { type: 'list'; items: Node[]; column: number }
  | { type: 'path'; root: string; keys: string[]; column: number }
  | { type: 'call'; name: string; args: Node[]; column: number }
  | { type: 'not'; operand: Node; column: number }
  | { type: 'logical'; op: 'and' | 'or'; operands: Node[]; column: number }
  | { type: 'compare'; op: CompareOp; left: Node; right: Node; column: number };
