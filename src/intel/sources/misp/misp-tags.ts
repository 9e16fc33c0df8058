import { tlpRank, type Tlp } from '../../../stix/markings.ts';
import { isObject, list, str } from './misp-fields.ts';

/** MISP tlp:* tags, TLP 1.0 names included (white reads as clear); others such as tlp:ex:chr stay labels. */
const TLP_TAGS: Readonly<Record<string, Tlp>> = {
  'tlp:white': 'clear',
  'tlp:clear': 'clear',
  'tlp:green': 'green',
  'tlp:amber': 'amber',
  'tlp:amber+strict': 'amber+strict',
  'tlp:red': 'red',
};

export interface TagInfo {
  labels: string[];
  tlp: Tlp | undefined;
}

export function moreRestrictive(a: Tlp | undefined, b: Tlp | undefined): Tlp | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return tlpRank(a) >= tlpRank(b) ? a : b;
}

/** Tag names become labels, except tlp:* tags, which give the most restrictive TLP level. */
export function readTags(tags: unknown): TagInfo {
  const labels: string[] = [];
  let tlp: Tlp | undefined;
  for (const tag of list(tags)) {
    const name = isObject(tag) ? str(tag.name)?.trim() : undefined;
    if (!name) continue;
    const level = TLP_TAGS[name.toLowerCase()];
    if (level) tlp = moreRestrictive(tlp, level);
    else labels.push(name);
  }
  return { labels, tlp };
}
