import { toJsonPath } from './json-path.ts';

export interface ShapeProblem {
  path: string;
  message: string;
}

/**
 * Finds the first `__proto__` key (which `JSON.parse` keeps as an own property, and which a
 * later copy by assignment would turn into a prototype change) or nesting deeper than
 * `maxDepth`. Work is bounded by the size of the value and the depth limit.
 */
export function findUnsafeShape(value: object, maxDepth: number): ShapeProblem | undefined {
  return walk(value, [], maxDepth);
}

function walk(node: object, path: (string | number)[], depthLeft: number): ShapeProblem | undefined {
  if (depthLeft < 0) return { path: toJsonPath(path), message: 'is nested too deeply' };
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (typeof child === 'object' && child !== null) {
        const found = walk(child, [...path, i], depthLeft - 1);
        if (found) return found;
      }
    }
    return undefined;
  }
  if (Object.hasOwn(node, '__proto__')) {
    return { path: toJsonPath([...path, '__proto__']), message: 'is a forbidden property name' };
  }
  for (const key in node) {
    const child: unknown = (node as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) {
      const found = walk(child, [...path, key], depthLeft - 1);
      if (found) return found;
    }
  }
  return undefined;
}
