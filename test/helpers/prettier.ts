import { execFileSync } from 'child_process';
import * as path from 'path';

/** Formats each text with the real prettier (in a child process) and returns the results in order. */
export function formatWithPrettier(jobs: { text: string; options: Record<string, unknown> }[]): (string | { error: string })[] {
  const script = path.join(__dirname, 'prettier-format.mjs');
  const out = execFileSync(process.execPath, [script], { input: JSON.stringify(jobs), maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8'));
}
