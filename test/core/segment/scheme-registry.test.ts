import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEGMENT_FLAGS_HELP, segmentOptionsFromFlags } from '../../../cli/segment-flags.js';
import { parseSchemeId, SCHEME_IDS } from '../../../core/segment/scheme-id.js';
import {
  findScheme,
  formatSchemeHelp,
  formatSchemeTable,
  SCHEMES,
  type SchemeEntry,
} from '../../../core/segment/scheme-registry.js';
import { runRfmScheme } from '../../../core/segment/scheme-runners.js';

const root = resolve(import.meta.dirname, '../../..');
const REGISTRY = 'core/segment/scheme-registry.ts';
const io = {
  out: () => {},
  err: () => {},
  now: () => new Date('2026-11-25T12:00:00Z'),
  timeZone: 'UTC',
  interactive: false,
};

describe('the scheme registry is the one list of schemes', () => {
  it('has unique ids and aliases, each naming exactly one entry', () => {
    const names = SCHEMES.flatMap((e) => [e.id, ...e.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of SCHEMES) for (const name of [entry.id, ...entry.aliases]) expect(findScheme(name)).toBe(entry);
    expect(findScheme('rfm9')).toBeUndefined();
  });

  it('is what the engine parses', () => {
    expect(SCHEME_IDS).toEqual(SCHEMES.map((e) => e.id));
    expect(SCHEME_IDS).toEqual([
      'rfm',
      'rfm8',
      'rules:a-step4-rules',
      'rules:a-table5-rules',
      'rules:b-rfm-definitions',
      'rules:b-maintenance-tiers',
      'kmeans',
      'c-value-tiers',
      'd-grading-scorecard',
    ]);
    expect(parseSchemeId('rules')).toEqual({ kind: 'rules', id: 'rules:a-table5-rules', preset: 'a-table5-rules' });
    expect(parseSchemeId('b-maintenance-tiers')).toEqual({
      kind: 'rules',
      id: 'rules:b-maintenance-tiers',
      preset: 'b-maintenance-tiers',
    });
    expect(parseSchemeId('a-kmeans-rfm')).toEqual({ kind: 'kmeans', id: 'kmeans' });
    expect(parseSchemeId('c-value-tiers')).toEqual({ kind: 'tiers', id: 'c-value-tiers' });
    expect(parseSchemeId('rules:nope')).toBeUndefined();
  });

  it('is what the CLI parses and shows in --help', async () => {
    for (const entry of SCHEMES) {
      expect(SEGMENT_FLAGS_HELP).toContain(
        `${entry.id}${entry.aliases.length > 0 ? ` (or ${entry.aliases.join(', ')})` : ''}: ${entry.help}`,
      );
      for (const name of [entry.id, ...entry.aliases])
        await expect(segmentOptionsFromFlags({ scheme: name }, io)).resolves.toMatchObject({
          options: { scheme: name },
        });
    }
    await expect(segmentOptionsFromFlags({ scheme: 'rfm9' }, io)).rejects.toThrow(
      `--scheme must be one of ${SCHEME_IDS.join(', ')}; got "rfm9".`,
    );
  });

  it("is the README's table, generated (run formatSchemeTable(SCHEMES) and paste between the markers)", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = /<!-- schemes:start[^>]*-->\n([\s\S]*?)\n<!-- schemes:end -->/.exec(readme)?.[1];
    expect(table).toBe(formatSchemeTable(SCHEMES));
  });

  it('derives help, parsing and docs for a new scheme from its one registry line (a test-only registry)', () => {
    const toy: SchemeEntry = {
      id: 'toy-tiers',
      aliases: ['toy'],
      kind: 'rfm',
      labels: { en: 'Toy tiers', 'zh-CN': '玩具分层' },
      help: 'a toy',
      spec: '—',
      segments: 'toys',
      options: [],
      columns: 'Why',
      run: runRfmScheme,
    };
    const registry = [...SCHEMES, toy];
    expect(findScheme('toy', registry)).toBe(toy);
    expect(findScheme('toy')).toBeUndefined();
    expect(formatSchemeHelp(registry, 2).split('\n').at(-1)).toBe('  toy-tiers (or toy): a toy');
    expect(formatSchemeHelp(registry, 2).split('\n').at(-2)).toBe('  d-grading-scorecard: weighted scorecard → grade;');
    expect(formatSchemeTable(registry).split('\n').at(-1)).toBe(
      '| `toy-tiers` (also `toy`) | — | toys | Why | – | Toy tiers / 玩具分层 |',
    );
  });
});

/** Source files of every part, comments removed (documentation may name a scheme; code may not list them). */
function codeFiles(dir: string): { path: string; code: string }[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return codeFiles(path);
    if (!/\.(ts|html)$/.test(name)) return [];
    const code = readFileSync(join(root, path), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    return [{ path: relative(root, join(root, path)), code }];
  });
}

describe('nothing but the registry lists scheme ids', () => {
  // Ids that are not also engine kinds (rfm, rfm8, kmeans are kinds, so they appear as types).
  const listed = SCHEMES.flatMap((e) => [e.id, ...e.aliases]).filter(
    (name) => name.includes(':') || name.startsWith('c-') || name.startsWith('d-') || name === 'a-kmeans-rfm',
  );

  it('finds a list when there is one (the probe)', () => {
    const probe = "export const CHOICES = ['rfm', 'c-value-tiers', 'd-grading-scorecard'];";
    expect(listed.filter((name) => new RegExp(`(^|[^\\w:-])${name}($|[^\\w:-])`).test(probe))).toEqual([
      'c-value-tiers',
      'd-grading-scorecard',
    ]);
  });

  it('no other source file names two scheme ids', () => {
    const offenders = ['core', 'cli', 'addin', 'bot', 'io']
      .flatMap(codeFiles)
      .filter((file) => file.path !== REGISTRY)
      .map((file) => ({
        path: file.path,
        ids: listed.filter((name) => new RegExp(`(^|[^\\w:-])${name}($|[^\\w:-])`).test(file.code)),
      }))
      .filter((file) => file.ids.length >= 2);
    expect(offenders).toEqual([]);
  });
});
