export type * from './ast.ts';
export { parsePattern, type ParsePatternOptions } from './parse.ts';
export { serializePattern } from './serialize.ts';
export { equalityTerms, type EqualityTerm } from './equality-terms.ts';
