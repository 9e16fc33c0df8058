import { open, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { IngestFormat } from '../source.ts';
import { isUrl } from './open-input.ts';
import { knowledgeFormatOf } from './vuln/detect.ts';

const BY_EXTENSION: Record<string, IngestFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'text',
  '.htm': 'text',
  '.json': 'stix',
};

async function head(path: string, bytes: number): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/**
 * The format of an input when `--format auto`: a folder or URL with a MISP manifest is a
 * MISP feed; otherwise the extension decides, and a file without a known one is sniffed
 * (JSON → STIX, else a list). Standard input is taken as STIX unless told otherwise.
 */
export async function detectFormat(location: string): Promise<IngestFormat> {
  if (location === '-') return 'stix';
  const clean = location.split(/[?#]/)[0]!.replace(/\.gz$/, '');
  if (isUrl(location))
    return clean.endsWith('manifest.json') ? 'misp' : (BY_EXTENSION[extname(clean).toLowerCase()] ?? 'text');
  const info = await stat(location).catch(() => undefined);
  if (info?.isDirectory()) {
    const manifest = await stat(join(location, 'manifest.json')).catch(() => undefined);
    return manifest ? 'misp' : 'stix';
  }
  if (clean.endsWith('manifest.json')) return 'misp';
  if (info) {
    // KEV, EPSS, CVE and CWE files are JSON, CSV or XML that look like nothing else.
    const knowledge = knowledgeFormatOf(await head(location, 4096));
    if (knowledge) return knowledge;
  }
  const byExt = BY_EXTENSION[extname(clean).toLowerCase()];
  if (byExt === 'stix' && info) {
    // A lone MISP event file is JSON too.
    return /"Event"\s*:/.test(await head(location, 4096)) ? 'misp' : 'stix';
  }
  if (byExt) return byExt;
  if (!info) return 'text';
  const start = (await head(location, 4096)).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'stix';
  return start.includes(',') || start.includes('\t') ? 'csv' : 'text';
}
