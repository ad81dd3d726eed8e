/** `npx tsx src/eval/extraction/main.ts`: the extraction table alone. */
import { runExtractionEval } from './run-extraction-eval.js';

const started = Date.now();
const result = await runExtractionEval();
process.stdout.write(result.markdown);
process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
