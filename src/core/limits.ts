/**
 * Limits on untrusted input. Every parser and fetcher takes its limits from here so that one
 * configuration tightens or loosens all of them (see reference/style-and-security.md §2.4).
 */
export interface Limits {
  /** Largest single JSON value (one STIX object, one MISP event, one model file), in bytes. */
  maxObjectBytes: number;
  /**
   * Largest document read whole (a KEV catalog, an NVD response page, a CycloneDX SBOM), in
   * bytes; parsing holds several times this in memory.
   */
  maxDocumentBytes: number;
  /** Deepest nesting of arrays and objects accepted in one JSON value. */
  maxDepth: number;
  /** Longest string property accepted, in characters. */
  maxStringLength: number;
  /** Longest CSV or text line, in bytes. */
  maxLineBytes: number;
  /** Largest body fetched from a URL, compressed, in bytes. */
  maxFetchBytes: number;
  /** Largest body fetched from a URL once decompressed, in bytes. */
  maxDecompressedBytes: number;
  /** Timeout of one fetch, in milliseconds. */
  fetchTimeoutMs: number;
  /** Redirects followed when a feed allows them. */
  maxRedirects: number;
  /** Longest single observable value (URL, domain, …) parsed, in characters. */
  maxObservableLength: number;
  /** Longest threat-rule condition, in characters. */
  maxConditionLength: number;
  /** Deepest nesting of one threat-rule condition (parentheses, operators, calls). */
  maxConditionDepth: number;
  /** Largest known-benign list file (MISP warninglist `list.json`), in bytes. */
  maxWarninglistBytes: number;
  /** Longest regex entry of a warninglist, in characters. */
  maxRegexLength: number;
  /** Longest value a warninglist regex is run on; longer values are not tested by regex lists. */
  maxRegexInputLength: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxObjectBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 128 * 1024 * 1024,
  maxDepth: 64,
  maxStringLength: 1024 * 1024,
  maxLineBytes: 1024 * 1024,
  maxFetchBytes: 512 * 1024 * 1024,
  maxDecompressedBytes: 2 * 1024 * 1024 * 1024,
  fetchTimeoutMs: 60_000,
  maxRedirects: 5,
  maxObservableLength: 65_536,
  maxConditionLength: 4096,
  maxConditionDepth: 32,
  maxWarninglistBytes: 64 * 1024 * 1024,
  maxRegexLength: 1024,
  maxRegexInputLength: 512,
};
