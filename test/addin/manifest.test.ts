/**
 * manifest.xml checked offline. The Office add-in manifest XSDs are not
 * available without network (and none ships in node_modules), so instead of
 * schema validation this checks: xmllint well-formedness, the elements and
 * their order as the schema requires them, the ribbon group, every resid
 * defined with a zh-CN override, string lengths, and that every icon and page
 * the manifest points at exists (icons at their stated pixel size).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { child, parseXml, walk, type XmlElement } from './support/parse-xml.js';
import { HAVE_XMLLINT } from '../support/system-tools.js';
import { projectFileUrl, SUPPORT_URL } from '../../addin/taskpane/project-links.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const manifestPath = join(repo, 'manifest.xml');
const manifest = parseXml(readFileSync(manifestPath, 'utf8'));
const ORIGIN = 'https://localhost:3000';

const names = (element: XmlElement) => element.children.map((c) => c.name);
/** Files behind a localhost URL: /assets/* are addin/assets, pages are under addin/. */
const fileOf = (url: string) => join(repo, 'addin', new URL(url).pathname);

function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it.skipIf(!HAVE_XMLLINT)('is well-formed (xmllint)', () => {
    expect(() => execFileSync('xmllint', ['--noout', manifestPath], { stdio: 'pipe' })).not.toThrow();
  });

  it('is an add-in-only TaskPaneApp manifest with the top-level elements in schema order', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(names(manifest)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
    expect(child(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(manifest, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(manifest, 'DefaultLocale').text).toBe('en-US');
    expect(child(child(manifest, 'Hosts'), 'Host').attributes.Name).toBe('Workbook');
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe(
      `${ORIGIN}/taskpane/taskpane.html`,
    );
    expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
    for (const el of ['DisplayName', 'Description'])
      expect(child(child(manifest, el), 'Override').attributes.Locale).toBe('zh-CN');
  });

  it('has a Home-tab group with Segment and Remove Tierline results (ExecuteFunction) and Tierline (ShowTaskpane) buttons', () => {
    const overrides = child(manifest, 'VersionOverrides');
    expect(overrides.attributes['xsi:type']).toBe('VersionOverridesV1_0');
    expect(names(overrides)).toEqual(['Hosts', 'Resources']);
    const desktop = child(child(child(overrides, 'Hosts'), 'Host'), 'DesktopFormFactor');
    expect(names(desktop)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const tab = child(child(desktop, 'ExtensionPoint'), 'OfficeTab');
    expect(tab.attributes.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(names(group)).toEqual(['Label', 'Icon', 'Control', 'Control', 'Control']);
    const [segment, remove, pane] = group.children.filter((c) => c.name === 'Control');
    expect([segment, remove, pane].map((c) => c!.attributes.id)).toEqual([
      'Tierline.SegmentButton',
      'Tierline.RemoveButton',
      'Tierline.TaskpaneButton',
    ]);
    for (const control of [segment!, remove!, pane!]) {
      expect(control.attributes['xsi:type']).toBe('Button');
      expect(names(control)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
      expect(child(control, 'Icon').children.map((i) => i.attributes.size)).toEqual(['16', '32', '80']);
    }
    const commands = readFileSync(join(repo, 'addin/commands/commands.ts'), 'utf8');
    const functionNames = [segment!, remove!].map((control) => {
      const action = child(control, 'Action');
      expect(action.attributes['xsi:type']).toBe('ExecuteFunction');
      return child(action, 'FunctionName').text;
    });
    expect(functionNames).toEqual(['segment', 'removeResults']);
    // The functions the ribbon calls are the ones commands.ts associates.
    for (const name of functionNames) expect(commands).toContain(`Office.actions.associate('${name}'`);
    const paneAction = child(pane!, 'Action');
    expect(paneAction.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(names(paneAction)).toEqual(['TaskpaneId', 'SourceLocation']);
  });

  it('defines every resid it uses, once, each label with a zh-CN override and within Office length limits', () => {
    const resources = child(child(manifest, 'VersionOverrides'), 'Resources');
    expect(names(resources)).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    const defined = resources.children.flatMap((group) => group.children.map((r) => r.attributes.id!));
    expect(new Set(defined).size).toBe(defined.length);
    const used = new Set(
      walk(child(manifest, 'VersionOverrides')).flatMap((e) => (e.attributes.resid ? [e.attributes.resid] : [])),
    );
    expect([...used].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
    // Every label and tooltip the ribbon shows is a resid, never inline text.
    for (const e of walk(child(manifest, 'VersionOverrides')))
      if (['Label', 'Title', 'Description'].includes(e.name)) expect(e.attributes.resid).toBeDefined();
    for (const [group, limit] of [
      ['bt:ShortStrings', 125],
      ['bt:LongStrings', 250],
    ] as const) {
      for (const string of child(resources, group).children) {
        expect(string.attributes.DefaultValue!.length).toBeLessThanOrEqual(limit);
        const override = child(string, 'bt:Override');
        expect(override.attributes.Locale).toBe('zh-CN');
        expect(override.attributes.Value!.length).toBeGreaterThan(0);
        expect(override.attributes.Value!.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('serves pages and ribbon icons from https://localhost:3000 and points support and store icons at the project pages', () => {
    const urls = walk(manifest)
      .flatMap((e) => [e.attributes.DefaultValue, e.name === 'AppDomain' ? e.text : undefined])
      .filter((v): v is string => v?.startsWith('http') ?? false);
    expect(urls.length).toBeGreaterThan(8);
    // The support page, the Get Started link and the store icons must work without the dev server.
    const urlOf = (id: string) => walk(manifest).find((e) => e.attributes.id === id)!.attributes.DefaultValue!;
    const publicUrls = {
      support: child(manifest, 'SupportUrl').attributes.DefaultValue!,
      learnMore: urlOf('GetStarted.LearnMoreUrl'),
      icon: child(manifest, 'IconUrl').attributes.DefaultValue!,
      highResolutionIcon: child(manifest, 'HighResolutionIconUrl').attributes.DefaultValue!,
    };
    expect(publicUrls).toEqual({
      support: SUPPORT_URL,
      learnMore: SUPPORT_URL,
      icon: projectFileUrl('addin/assets/icon-32.png'),
      highResolutionIcon: projectFileUrl('addin/assets/icon-64.png'),
    });
    for (const url of urls.filter((u) => !Object.values(publicUrls).includes(u)))
      expect(new URL(url).origin).toBe(ORIGIN);
    const images = child(child(child(manifest, 'VersionOverrides'), 'Resources'), 'bt:Images').children;
    for (const image of images) {
      const size = Number(/(\d+)x\1$/.exec(image.attributes.id!)![1]);
      expect(pngSize(fileOf(image.attributes.DefaultValue!))).toEqual([size, size]);
    }
    // A project URL names a file of this repository: it must exist (icons at their size).
    const repoFile = (url: string) => join(repo, url.replace(/^https:\/\/[^/]+\/[^/]+\/[^/]+\/(blob\/)?main\//, ''));
    expect(pngSize(repoFile(publicUrls.icon))).toEqual([32, 32]);
    expect(pngSize(repoFile(publicUrls.highResolutionIcon))).toEqual([64, 64]);
    expect(existsSync(repoFile(publicUrls.support))).toBe(true);
    for (const url of urls.filter((u) => u.endsWith('.html'))) expect(existsSync(fileOf(url))).toBe(true);
  });

  it("is read by office-addin-manifest (Microsoft's own manifest tooling, offline)", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info).toMatchObject({
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      defaultLocale: 'en-US',
      displayName: 'Tierline',
      permissions: 'ReadWriteDocument',
    });
  });
});
