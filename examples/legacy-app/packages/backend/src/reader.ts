import { ReaderFactory } from '@backstage/backend-defaults/urlReader';
import { UrlReaderService } from '@backstage/backend-plugin-api';

/**
 * A URL reader of the app's own for https://reader.example.invalid/, which
 * answers every file with a fixed text: it stands for an internal artifact
 * store that only this backend knows how to read.
 */
export class ExampleUrlReader {
  static readonly host = 'reader.example.invalid';

  static factory: ReaderFactory = () => [
    { reader: new ExampleUrlReader(), predicate: (url: URL) => url.host === ExampleUrlReader.host },
  ];

  readUrl: UrlReaderService['readUrl'] = async url => {
    const text = `read by the app's own URL reader: ${new URL(url).pathname}`;
    return { buffer: async () => Buffer.from(text) };
  };

  readTree: UrlReaderService['readTree'] = async () => {
    throw new Error('ExampleUrlReader reads no trees');
  };

  search: UrlReaderService['search'] = async () => {
    throw new Error('ExampleUrlReader does not search');
  };

  toString() {
    return `example{host=${ExampleUrlReader.host}}`;
  }
}
