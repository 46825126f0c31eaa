/**
 * The project's public pages, in one place: the pane's link to the config
 * docs, and the manifest's SupportUrl, LearnMoreUrl and store icons (which
 * test/addin/manifest.test.ts checks against these). Change the repository
 * here and in manifest.xml together.
 */

/** The repository host's page of the project. */
export const PROJECT_URL = 'https://github.com/tierline/tierline';

/** A page of the repository's `main` branch as the host renders it. */
export const projectPageUrl = (path: string): string => `${PROJECT_URL}/blob/main/${path}`;

/** A file of the repository's `main` branch as raw bytes (icons). */
export const projectFileUrl = (path: string): string =>
  `https://raw.githubusercontent.com/tierline/tierline/main/${path}`;

/** The add-in's own README: how to sideload and use it (the manifest's SupportUrl). */
export const SUPPORT_URL = projectPageUrl('addin/README.md');

/** The config file reference: every threshold and table the pane's form leaves out. */
export const CONFIG_DOCS_URL = `${projectPageUrl('README.md')}#config-file`;
