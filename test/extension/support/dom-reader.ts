/** Following's page reader as the extension makes it (domPageReader), over jsdom's standards DOMParser. */
import { JSDOM } from 'jsdom';
import { domPageReader } from '../../../src/extension/dom-page-reader.js';

export const jsdomPageReader = domPageReader(new new JSDOM('').window.DOMParser());
