/**
 * Answers the offscreen document's engine requests with one CheckEngine (see
 * background/offscreen-check-engine.ts): the part shared by the worker that hosts it and the tests.
 */
import type { CheckEngine } from './background/check-engine.js';
import type { EngineMessage, EngineReply } from './background/offscreen-check-engine.js';

export async function answerEngineMessage(engine: CheckEngine, message: EngineMessage): Promise<EngineReply> {
  try {
    switch (message.name) {
      case 'warm':
        engine.warm();
        return { ok: true, value: null };
      case 'corpora':
        return { ok: true, value: await engine.corpora() };
      case 'forgetImported':
        await engine.forgetImported();
        return { ok: true, value: null };
      case 'analyze':
        return { ok: true, value: await engine.analyze(message.args[0] as Parameters<CheckEngine['analyze']>[0]) };
      default:
        return { ok: false, error: `Unknown engine request "${String((message as { name: unknown }).name)}".` };
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
