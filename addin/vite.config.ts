/**
 * Builds the task pane and the ribbon-command page (`npm run addin:build`
 * → dist/addin-web/) and serves them on https://localhost:3000
 * (`npm run addin:start`), the SourceLocation in manifest.xml.
 *
 * Office only loads add-ins over trusted HTTPS: the dev server takes its
 * certificate from office-addin-dev-certs, which creates a localhost
 * certificate and installs its CA once (it asks for your password). On a
 * machine that manages its own certificate, set TIERLINE_HTTPS_KEY and
 * TIERLINE_HTTPS_CERT to PEM files instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

async function httpsOptions(): Promise<{ key: Buffer | string; cert: Buffer | string; ca?: Buffer | string }> {
  const key = process.env.TIERLINE_HTTPS_KEY,
    cert = process.env.TIERLINE_HTTPS_CERT;
  if (key && cert) return { key: readFileSync(key), cert: readFileSync(cert) };
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  const options = await getHttpsServerOptions();
  return { key: options.key, cert: options.cert, ca: options.ca };
}

/**
 * The manifest points at /assets/icon-<size>.png. The dev server serves
 * addin/assets there already; this copies the PNGs to the same path in the build.
 */
function copyIcons(): Plugin {
  return {
    name: 'tierline-icons',
    generateBundle() {
      for (const file of readdirSync(resolve(root, 'assets')).filter((f) => f.endsWith('.png'))) {
        this.emitFile({
          type: 'asset',
          fileName: `assets/${file}`,
          source: readFileSync(resolve(root, 'assets', file)),
        });
      }
    },
  };
}

export default defineConfig(async ({ command }): Promise<UserConfig> => ({
  root,
  // Relative asset paths: the build works from any folder a host serves it from.
  base: './',
  publicDir: false,
  plugins: [copyIcons()],
  build: {
    outDir: resolve(root, '../dist/addin-web'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        taskpane: resolve(root, 'taskpane/taskpane.html'),
        commands: resolve(root, 'commands/commands.html'),
        message: resolve(root, 'commands/message.html'),
      },
    },
  },
  server: {
    port: 3000,
    strictPort: true,
    host: 'localhost',
    ...(command === 'serve' ? { https: await httpsOptions() } : {}),
  },
  preview: { port: 3000, strictPort: true },
}));
