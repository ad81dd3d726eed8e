/**
 * The slice of jsdom's API these tests use. The package ships no types and
 * @types/jsdom is not installed; if it ever is, delete this file.
 */
declare module 'jsdom' {
  export interface ConstructorOptions {
    url?: string;
    pretendToBeVisual?: boolean;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
