import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installCommand } from './backend';

function repoWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-backend-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

test.each([
  [{ 'yarn.lock': '' }, 'yarn install'],
  [{ 'package-lock.json': '{}' }, 'npm install'],
  [{ 'pnpm-lock.yaml': '' }, 'pnpm install'],
  [{ 'bun.lock': '' }, 'bun install'],
  [{ 'package.json': '{ "packageManager": "pnpm@9.1.0" }' }, 'pnpm install'],
  [{ 'package.json': '{ "packageManager": "yarn@4.5.0" }' }, 'yarn install'],
  [{ 'package.json': '{}' }, 'yarn install'],
  [{ 'yarn.lock': '', 'package.json': '{ "packageManager": "npm@10.0.0" }' }, 'yarn install'],
])('%j: %s', (files, command) => {
  const dir = repoWith(files);
  try {
    expect(installCommand(dir)).toBe(command);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
