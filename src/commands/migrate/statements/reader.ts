/**
 * One kind of legacy statement: `read` recognises it and says its fate
 * through the reading (a mount, replaced, translated, carried, refused),
 * returning whether it took the statement. `./index.ts` lists the kinds in
 * the order they are tried; a statement no kind takes is carried over, or
 * refused with why.
 */
import type { Statement } from '@babel/types';
import type { StatementReading } from './reading';

export interface StatementReader {
  readonly kind: string;
  read(statement: Statement, reading: StatementReading): boolean;
}
