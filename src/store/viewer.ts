/**
 * Who is reading, and what they are cleared for. Every read that can return marked data
 * takes one (DESIGN.md: markings are access control); nothing reads around it.
 */
export interface Viewer {
  /** Highest TLP rank the viewer may see (0 clear, 1 green, 2 amber, 3 amber+strict, 4 red). */
  maxTlp: number;
}

/** The local operator of the CLI, who owns the store and sees everything in it. */
export const LOCAL_OPERATOR: Viewer = { maxTlp: 4 };
