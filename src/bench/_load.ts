import { readFileSync, readdirSync } from 'node:fs';
import { loadCorpus } from '../engine/index.js';
const f = '/tmp/' + readdirSync('/tmp').find(f => f.startsWith('firsthand-click-bench-10000'))!;
for (let i = 0; i < 3; i++) { let t = performance.now(); const b = new Uint8Array(readFileSync(f)); const tr = performance.now() - t; t = performance.now(); const c = loadCorpus(b); console.log('read', tr.toFixed(1), 'load', (performance.now() - t).toFixed(1), c.size, b.length); }
