import { z } from 'zod';
import { idType, isStixId } from '../identifier.ts';
import { isTimestamp } from '../timestamp.ts';

/** A STIX timestamp (§3.2). */
export const timestamp = z.string().refine(isTimestamp, {
  message: 'must be an RFC 3339 UTC timestamp such as 2016-04-06T20:03:48.000Z',
});

/** `spec_version` (§3.1): this module validates STIX 2.1 only. */
export const specVersion = z.literal('2.1', {
  error: (iss) => (iss.input === undefined ? 'required property is missing' : 'must be "2.1"'),
});

/** An identifier (§2.9), optionally restricted to some object types or excluding some. */
export function ref(opts: { only?: readonly string[]; not?: readonly string[] } = {}) {
  const { only, not } = opts;
  const what = only ? `${only.join('|')}--<uuid>` : '<type>--<uuid>';
  return z.string().refine(
    (v) => {
      if (!isStixId(v)) return false;
      const t = idType(v) ?? '';
      return (!only || only.includes(t)) && (!not || !not.includes(t));
    },
    {
      message: not
        ? `must be an identifier ${what}, not of type ${not.join('|')}`
        : `must be an identifier ${what}`,
    },
  );
}

/** The `id` of an object of the given type: the identifier's type must agree with `type`. */
export function stixIdOf(type: string) {
  const prefix = `${type}--`;
  return z
    .string()
    .refine((v) => v.startsWith(prefix) && isStixId(v), { message: `must be an identifier ${prefix}<uuid>` });
}

/** Lists in STIX must not be empty (§3.1, JSON schemas' `minItems: 1`). */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).min(1, { message: 'must not be an empty list' });
}

export const strings = list(z.string());

/** RFC 4648 base64, as `binary.json` requires for `*_bin` properties. */
export const binary = z.string().refine((v) => v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v), {
  message: 'must be base64 (RFC 4648)',
});

/** An even number of hex digits, as `hex.json` requires for `*_hex` properties. */
export const hex = z
  .string()
  .regex(/^(?:[a-fA-F0-9]{2})+$/, { message: 'must be an even number of hex digits' });

/** Dictionaries (§3.3) hold at least one key. */
export const dictionary = z.record(z.string(), z.unknown()).refine((d) => Object.keys(d).length > 0, {
  message: 'must not be an empty dictionary',
});
