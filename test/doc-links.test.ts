/**
 * Every relative link in README.md and docs/ points at a file that exists,
 * and every #anchor at a heading of the file it names (GitHub's slugs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT } from './helpers/repo';

function markdownFiles(): string[] {
  const docs = path.join(PROJECT, 'docs');
  const inDocs = fs.existsSync(docs) ? fs.readdirSync(docs).filter(name => name.endsWith('.md')).map(name => path.join(docs, name)) : [];
  return [path.join(PROJECT, 'README.md'), ...inDocs];
}

/** GitHub's anchor for a heading: lower case, punctuation out, spaces to hyphens, repeats numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  return anchors;
}

/** The links of a Markdown text outside code: [text](target) and [text]: target. */
export function linksOf(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  let fenced = false;
  markdown.split('\n').forEach((line, i) => {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push({ line: i + 1, target: match[1] });
    const reference = /^\s*\[[^\]]+\]:\s+(\S+)/.exec(prose);
    if (reference) links.push({ line: i + 1, target: reference[1] });
  });
  return links;
}

test('anchors and links are read as GitHub reads them', () => {
  expect([...anchorsOf('# wire-plugin\n## The `--only` option\n## Usage\n## Usage\n```\n# not a heading\n```\n')]).toEqual(['wire-plugin', 'the---only-option', 'usage', 'usage-1']);
  expect(linksOf('see [docs](docs/migrate.md#kinds) and `[not](a-link.md)`\n[ref]: docs/x.md\n')).toEqual([
    { line: 1, target: 'docs/migrate.md#kinds' },
    { line: 2, target: 'docs/x.md' },
  ]);
});

test('no dead relative link or anchor in README.md and docs/', () => {
  const dead: string[] = [];
  let checked = 0;
  for (const file of markdownFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const { line, target } of linksOf(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      checked++;
      const [filePart, anchor] = target.split('#');
      const linked = filePart ? path.resolve(path.dirname(file), decodeURIComponent(filePart)) : file;
      const where = `${path.relative(PROJECT, file)}:${line}: ${target}`;
      if (!fs.existsSync(linked)) dead.push(`${where} (no such file)`);
      else if (anchor && linked.endsWith('.md') && !anchorsOf(fs.readFileSync(linked, 'utf8')).has(anchor)) dead.push(`${where} (no such heading)`);
    }
  }
  expect(dead).toEqual([]);
  expect(checked).toBeGreaterThan(0);
});
