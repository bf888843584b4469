import { format } from 'winston';

/** Masks bearer tokens and API keys wherever they appear in a log line's message. */
export const maskTokens = format(info => {
  if (typeof info.message === 'string') {
    info.message = info.message.replace(/(Bearer |api[_-]?key=)[\w.-]+/gi, '$1***');
  }
  return info;
});
