/** `await service.start().catch(...)`: backend.start() does it. */
import { mentions } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';

export const serviceStart: StatementReader = {
  kind: 'service-start',
  read(statement, reading) {
    if (statement.type !== 'ExpressionStatement' || !reading.serviceName) return false;
    const awaited = statement.expression.type === 'AwaitExpression' ? statement.expression.argument : statement.expression;
    if (awaited.type !== 'CallExpression' || !mentions(awaited).has(reading.serviceName) || !/\.start\(\)/.test(reading.source.slice(awaited.start ?? 0, awaited.end ?? 0))) return false;
    reading.replace(statement, 'starting the service: backend.start() does it');
    return true;
  },
};
