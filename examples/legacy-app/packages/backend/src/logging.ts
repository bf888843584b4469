import { format } from 'winston';

/**
 * Masks bearer tokens in every log line's message: the app's own redaction,
 * which it gives the root logger as part of its format.
 */
export const maskTokens = format(info => {
  if (typeof info.message === 'string') {
    info.message = info.message.replace(/(Bearer )[\w.-]+/g, '$1***');
  }
  return info;
});
