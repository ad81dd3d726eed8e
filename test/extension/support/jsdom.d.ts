/**
 * The slice of jsdom's API these tests use. The package ships no types and
 * @types/jsdom is not installed; if it ever is, delete this file.
 */
declare module 'jsdom' {
  export interface ConstructorOptions {
    url?: string;
    pretendToBeVisual?: boolean;
    /** 'outside-only': scripts run only when the test runs them in the page's context (getInternalVMContext). */
    runScripts?: 'dangerously' | 'outside-only';
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
    /** The page's global as a node:vm context: a vm.Script run in it runs as the page's own script. */
    getInternalVMContext(): import('node:vm').Context;
  }
}
