import { toJsonPath } from './json-path.ts';

export interface ShapeProblem {
  path: string;
  message: string;
}

type Found = { keys: (string | number)[]; message: string };

/**
 * Finds the first `__proto__` key (which `JSON.parse` keeps as an own property, and which a
 * later copy by assignment would turn into a prototype change) or nesting deeper than
 * `maxDepth`. Work is bounded by the size of the value and the depth limit.
 */
export function findUnsafeShape(value: object, maxDepth: number): ShapeProblem | undefined {
  const found = walk(value, maxDepth);
  return found && { path: toJsonPath(found.keys.reverse()), message: found.message };
}

/** The path comes back reversed, built only on the way out of a problem. */
function walk(node: object, depthLeft: number): Found | undefined {
  if (depthLeft < 0) return { keys: [], message: 'is nested too deeply' };
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      const found = typeof child === 'object' && child !== null ? walk(child, depthLeft - 1) : undefined;
      if (found) return (found.keys.push(i), found);
    }
    return undefined;
  }
  if (Object.hasOwn(node, '__proto__'))
    return { keys: ['__proto__'], message: 'is a forbidden property name' };
  for (const key in node) {
    const child: unknown = (node as Record<string, unknown>)[key];
    const found = typeof child === 'object' && child !== null ? walk(child, depthLeft - 1) : undefined;
    if (found) return (found.keys.push(key), found);
  }
  return undefined;
}
