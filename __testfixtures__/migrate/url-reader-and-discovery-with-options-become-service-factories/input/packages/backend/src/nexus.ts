import { ReaderFactory, UrlReaderService } from '@backstage/backend-common';

/** Reads artifacts from the internal Nexus at nexus.example.internal. */
export class NexusUrlReader {
  static factory: ReaderFactory = ({ config }) => {
    const host = config.getOptionalString('nexus.host') ?? 'nexus.example.internal';
    const reader = new NexusUrlReader(host);
    return [{ reader, predicate: (url: URL) => url.host === host }];
  };

  private constructor(private readonly host: string) {}

  readUrl: UrlReaderService['readUrl'] = async () => {
    throw new Error(`NexusUrlReader: ${this.host} reads nothing in this example`);
  };
  readTree: UrlReaderService['readTree'] = async () => {
    throw new Error('NexusUrlReader does not read trees');
  };
  search: UrlReaderService['search'] = async () => {
    throw new Error('NexusUrlReader does not search');
  };
}
