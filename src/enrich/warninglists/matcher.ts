import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import { ipv4Int } from '../../observables/ipv4.ts';
import type { WarninglistCategory, StoredWarninglist } from '../../store/warninglists-repo.ts';
import { ipv6Words } from '../ip-words.ts';
import { buildSegmentIndex, cidrEntry, listsOfV4, listsOfV6, type CidrRange } from './cidr-index.ts';
import { hostnameEntry, hostOf, someSuffix } from './hostname.ts';
import { KINDS, listApplies } from './kinds.ts';
import { compileRegexEntry } from './regex-entry.ts';
import { buildSubstringIndex, eachSubstringHit } from './substring-index.ts';

export interface WarninglistHit {
  readonly name: string;
  readonly category: WarninglistCategory;
}

/** Which lists and which kinds of check apply to one observable kind. */
interface KindPlan {
  applies: Uint8Array;
  string: boolean;
  hostname: boolean;
  cidr: boolean;
  substring: boolean;
  regex: boolean;
}

const NONE: readonly WarninglistHit[] = Object.freeze([]);

function addTo(map: Map<string, number[]>, key: string, list: number): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [list]);
  else if (!ids.includes(list)) ids.push(list);
}

/**
 * All known-benign lists compiled for matching with MISP's semantics (warninglists §4b):
 * `string` exact, `substring` contained (Aho–Corasick), `hostname` the value's host or any
 * parent domain of it, `cidr` an IP inside a network (one binary search over segments), `regex`
 * a vetted pattern run on values of bounded length. Lists apply only to the observable kinds
 * their `matching_attributes` allow.
 */
export class WarninglistMatcher {
  readonly listCount: number;
  private readonly hits: WarninglistHit[];
  private readonly strings = new Map<string, number[]>();
  private readonly hosts = new Map<string, number[]>();
  private readonly cidrs;
  private readonly substrings;
  private readonly regexes: { list: number; re: RegExp }[] = [];
  private readonly plans = new Map<string, KindPlan>();
  private readonly seen: Uint32Array;
  private readonly words = new Uint32Array(4);
  private readonly maxRegexInput: number;
  private stamp = 0;
  private found: WarninglistHit[] | null = null;
  private plan!: KindPlan;
  private readonly visitHost = (suffix: string) => this.add(this.hosts.get(suffix));
  private readonly addIds = (ids: readonly number[]) => this.add(ids);

  constructor(lists: readonly StoredWarninglist[], limits: Limits = DEFAULT_LIMITS) {
    this.listCount = lists.length;
    this.maxRegexInput = limits.maxRegexInputLength;
    this.hits = lists.map((l) => Object.freeze({ name: l.name, category: l.category }));
    this.seen = new Uint32Array(lists.length);
    const ranges: { range: CidrRange; list: number }[] = [];
    const subs: { text: string; list: number }[] = [];
    lists.forEach((l, i) => {
      for (const e of l.entries) {
        if (l.type === 'string') addTo(this.strings, e, i);
        else if (l.type === 'hostname') addTo(this.hosts, hostnameEntry(e), i);
        else if (l.type === 'substring') subs.push({ text: e, list: i });
        else if (l.type === 'cidr') {
          const range = cidrEntry(e);
          if (range) ranges.push({ range, list: i });
        } else this.regexes.push({ list: i, re: compileRegexEntry(e, limits) });
      }
    });
    this.cidrs = buildSegmentIndex(ranges);
    this.substrings = buildSubstringIndex(subs);
    for (const kind of KINDS) {
      const applies = Uint8Array.from(lists, (l) => (listApplies(l.matchingAttributes, kind) ? 1 : 0));
      const any = (type: string) => lists.some((l, i) => l.type === type && applies[i] === 1);
      this.plans.set(kind, {
        applies,
        string: any('string'),
        hostname: any('hostname'),
        cidr: any('cidr') && (kind === 'ipv4' || kind === 'ipv6'),
        substring: any('substring'),
        regex: any('regex'),
      });
    }
  }

  /** The lists a canonical value of `kind` is on (a shared empty array when none). */
  match(value: string, kind: string): readonly WarninglistHit[] {
    const plan = this.plans.get(kind);
    if (!plan) return NONE;
    this.plan = plan;
    this.found = null;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    if (plan.string) this.add(this.strings.get(value));
    // The parent "labels" of an IP address are no host names: only the whole value is looked up.
    if (plan.hostname && (kind === 'ipv4' || kind === 'ipv6')) this.add(this.hosts.get(value));
    else if (plan.hostname) someSuffix(hostOf(value), this.visitHost);
    if (plan.cidr) {
      const v4 = kind === 'ipv4' ? ipv4Int(value) : -1;
      if (v4 >= 0) this.add(listsOfV4(this.cidrs, v4));
      else if (kind === 'ipv6' && ipv6Words(value, this.words)) this.add(listsOfV6(this.cidrs, this.words));
    }
    if (plan.substring) eachSubstringHit(this.substrings, value, this.addIds);
    if (plan.regex && value.length <= this.maxRegexInput) {
      for (const r of this.regexes) if (plan.applies[r.list] === 1 && r.re.test(value)) this.add([r.list]);
    }
    return this.found ?? NONE;
  }

  private add(ids: readonly number[] | undefined): false {
    if (ids === undefined) return false;
    for (const id of ids) {
      if (this.plan.applies[id] === 1 && this.seen[id] !== this.stamp) {
        this.seen[id] = this.stamp;
        (this.found ??= []).push(this.hits[id]!);
      }
    }
    return false;
  }
}
