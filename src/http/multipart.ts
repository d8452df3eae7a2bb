import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

export type FormFile = { field: string; filename: string; bytes: Buffer };
export type FormData = { fields: Record<string, string>; files: FormFile[] };

/**
 * Reads a whole multipart body: its text fields and its files (at most one,
 * in one of `fileFields`). Every way a body can be malformed (boundary not
 * matching the header, truncation, broken part headers, too many parts, a
 * file too large) becomes a 400 or 413 naming what was wrong. Anonymous
 * callers never get here: installAccess answers them 401 before any of the
 * body is read (the multipart parser is lazy).
 */
export async function readFormData(
  request: FastifyRequest,
  opts: { fileFields: readonly string[]; maxFileBytes: number },
): Promise<FormData> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data', {
      fields: { [opts.fileFields[0] ?? 'body']: 'is required as a multipart file' },
    });
  }
  const form: FormData = { fields: {}, files: [] };
  let current = 'body';
  try {
    const parts = request.parts({ limits: { fileSize: opts.maxFileBytes, files: 1 } });
    for await (const part of parts) {
      current = part.fieldname;
      if (part.type === 'file') {
        if (!opts.fileFields.includes(part.fieldname)) {
          throw new AppError(
            'validation_failed',
            `Send the file in the field "${opts.fileFields[0]}"`,
            {
              fields: { [part.fieldname]: 'unknown file field' },
            },
          );
        }
        const bytes = await part.toBuffer();
        form.files.push({ field: part.fieldname, filename: part.filename, bytes });
      } else {
        form.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    throw multipartError(err, current, opts.maxFileBytes);
  }
  return form;
}

function multipartError(err: unknown, field: string, maxFileBytes: number): AppError {
  if (err instanceof AppError) return err;
  const { code, statusCode, message } = err as {
    code?: string;
    statusCode?: number;
    message?: string;
  };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('payload_too_large', `A file must be at most ${maxFileBytes} bytes`, {
      fields: { [field]: `is larger than ${maxFileBytes} bytes` },
    });
  }
  if (statusCode === 413) {
    // @fastify/multipart's parts, files and fields limits.
    return new AppError('payload_too_large', `The form has too many parts (${message})`, {
      fields: { body: message ?? 'too many parts' },
    });
  }
  // Anything else the parser (busboy) raises is about the bytes we were sent.
  return new AppError('bad_request', `The multipart body is malformed: ${message}`, {
    fields: { body: message ?? 'is malformed' },
  });
}
