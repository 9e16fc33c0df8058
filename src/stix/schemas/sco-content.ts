import { z } from 'zod';
import { all, anyOf, notBoth, scoCommon } from './common.ts';
import { binary, dictionary, list, timestamp } from './primitives.ts';
import { hashes } from './structures.ts';

type Props = Record<string, unknown>;
const refs = list(z.string());

/** §6.1: the payload itself, or a URL with hashes to check what it fetches. */
export const artifactSchema = z
  .looseObject({
    ...scoCommon('artifact'),
    mime_type: z.string().optional(),
    payload_bin: binary.optional(),
    url: z.string().optional(),
    hashes: hashes.optional(),
    encryption_algorithm: z.enum(['AES-256-GCM', 'ChaCha20-Poly1305', 'mime-type-indicated']).optional(),
    decryption_key: z.string().optional(),
  })
  .superRefine(
    all(notBoth('payload_bin', 'url'), (o, ctx) => {
      if (o.payload_bin === undefined && (o.url === undefined || o.hashes === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'needs payload_bin, or url together with hashes' });
      }
      if (o.decryption_key !== undefined && o.encryption_algorithm === undefined) {
        ctx.addIssue({ code: 'custom', path: ['decryption_key'], message: 'needs encryption_algorithm' });
      }
    }),
  );

const mimePart = z
  .looseObject({
    body: z.string().optional(),
    body_raw_ref: z.string().optional(),
    content_type: z.string().optional(),
    content_disposition: z.string().optional(),
  })
  .superRefine(all(anyOf(['body', 'body_raw_ref']), notBoth('body', 'body_raw_ref')));

/** §6.6: `body` for a single-part message, `body_multipart` for a multipart one. */
export const emailMessageSchema = z
  .looseObject({
    ...scoCommon('email-message'),
    is_multipart: z.boolean(),
    date: timestamp.optional(),
    content_type: z.string().optional(),
    from_ref: z.string().optional(),
    sender_ref: z.string().optional(),
    to_refs: refs.optional(),
    cc_refs: refs.optional(),
    bcc_refs: refs.optional(),
    message_id: z.string().optional(),
    subject: z.string().optional(),
    received_lines: z.array(z.string()).optional(),
    additional_header_fields: dictionary.optional(),
    body: z.string().optional(),
    body_multipart: z.array(mimePart).optional(),
    raw_email_ref: z.string().optional(),
  })
  .superRefine((o: Props, ctx) => {
    const forbidden = o.is_multipart === true ? 'body' : 'body_multipart';
    if (o[forbidden] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [forbidden],
        message: `is not allowed when is_multipart is ${String(o.is_multipart)}`,
      });
    }
  });
