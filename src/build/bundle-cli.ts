import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { CLI_FILE, ROOT } from './paths.js';

/** Bundles the CLI into one ESM file for Node 20, dependencies included, so `firsthand` runs without node_modules. */
export async function bundleCli(): Promise<void> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/cli/cli.ts')],
    outfile: CLI_FILE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // linkedom pulls in CommonJS modules that call require(); give the ESM bundle one
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) throw new Error(`CLI bundle warnings:\n${result.warnings.map((w) => w.text).join('\n')}`);
  await chmod(CLI_FILE, 0o755);
}
