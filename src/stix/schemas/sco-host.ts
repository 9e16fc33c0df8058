import { z } from 'zod';
import { anyOf, ordered, scoCommon } from './common.ts';
import { dictionary, hex, list, strings, timestamp } from './primitives.ts';
import { hashes } from './structures.ts';

const refs = list(z.string());
const fileTimes = { ctime: timestamp.optional(), mtime: timestamp.optional(), atime: timestamp.optional() };

/** §6.3 */
export const directorySchema = z
  .looseObject({
    ...scoCommon('directory'),
    path: z.string(),
    path_enc: z.string().optional(),
    ...fileTimes,
    contains_refs: refs.optional(),
  })
  .superRefine(ordered([['ctime', 'mtime']]));

/** §6.7: identified by hashes or by name. */
export const fileSchema = z
  .looseObject({
    ...scoCommon('file'),
    hashes: hashes.optional(),
    size: z.int().min(0).optional(),
    name: z.string().optional(),
    name_enc: z.string().optional(),
    magic_number_hex: hex.optional(),
    mime_type: z.string().optional(),
    ...fileTimes,
    parent_directory_ref: z.string().optional(),
    contains_refs: refs.optional(),
    content_ref: z.string().optional(),
  })
  .superRefine(anyOf(['hashes', 'name']));

/** §6.11 */
export const mutexSchema = z.looseObject({ ...scoCommon('mutex'), name: z.string() });

const PROCESS_PROPERTIES = [
  'extensions',
  'is_hidden',
  'pid',
  'created_time',
  'cwd',
  'command_line',
  'environment_variables',
  'opened_connection_refs',
  'creator_user_ref',
  'image_ref',
  'parent_ref',
  'child_refs',
];

/** §6.13: at least one process property. */
export const processSchema = z
  .looseObject({
    ...scoCommon('process'),
    is_hidden: z.boolean().optional(),
    pid: z.int().optional(),
    created_time: timestamp.optional(),
    cwd: z.string().optional(),
    command_line: z.string().optional(),
    environment_variables: dictionary.optional(),
    opened_connection_refs: refs.optional(),
    creator_user_ref: z.string().optional(),
    image_ref: z.string().optional(),
    parent_ref: z.string().optional(),
    child_refs: refs.optional(),
  })
  .superRefine(anyOf(PROCESS_PROPERTIES));

/** §6.14 */
export const softwareSchema = z.looseObject({
  ...scoCommon('software'),
  name: z.string(),
  cpe: z.string().optional(),
  swid: z.string().optional(),
  languages: strings.optional(),
  vendor: z.string().optional(),
  version: z.string().optional(),
});

const ACCOUNT_TIMES = [
  'account_created',
  'account_expires',
  'credential_last_changed',
  'account_first_login',
  'account_last_login',
] as const;
const ACCOUNT_FLAGS = ['is_service_account', 'is_privileged', 'can_escalate_privs', 'is_disabled'] as const;
const ACCOUNT_STRINGS = ['user_id', 'credential', 'account_login', 'account_type', 'display_name'] as const;

/** §6.16: at least one account property. */
export const userAccountSchema = z
  .looseObject({
    ...scoCommon('user-account'),
    ...Object.fromEntries(ACCOUNT_STRINGS.map((n) => [n, z.string().optional()])),
    ...Object.fromEntries(ACCOUNT_FLAGS.map((n) => [n, z.boolean().optional()])),
    ...Object.fromEntries(ACCOUNT_TIMES.map((n) => [n, timestamp.optional()])),
  })
  .superRefine(anyOf(['extensions', ...ACCOUNT_STRINGS, ...ACCOUNT_FLAGS, ...ACCOUNT_TIMES]));

const registryValue = z
  .looseObject({ name: z.string().optional(), data: z.string().optional(), data_type: z.string().optional() })
  .superRefine(anyOf(['name', 'data', 'data_type']));

/** §6.17: the hive is spelled out (`HKEY_LOCAL_MACHINE`, not `HKLM`). */
export const windowsRegistryKeySchema = z
  .looseObject({
    ...scoCommon('windows-registry-key'),
    key: z
      .string()
      .refine((k) => !/^(?:HKLM|HKCC|HKCR|HKCU|HKU)(?:\\|$)/i.test(k), { message: 'must spell out the hive' })
      .optional(),
    values: z.array(registryValue).optional(),
    modified_time: timestamp.optional(),
    creator_user_ref: z.string().optional(),
    number_of_subkeys: z.int().min(0).optional(),
  })
  .superRefine(anyOf(['key', 'values', 'modified_time', 'creator_user_ref', 'number_of_subkeys']));
