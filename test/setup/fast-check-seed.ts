import fc from 'fast-check';

/**
 * Property tests draw from one fixed seed so a CI run is reproducible; set
 * FC_SEED to explore other inputs (a failure prints the seed and path to replay).
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_123) });
