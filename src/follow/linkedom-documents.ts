/**
 * The document parser following uses outside a browser: linkedom's DOMParser, pure JavaScript,
 * so it runs in Node and in an extension worker alike (a worker has no DOMParser of its own).
 */
import { DOMParser } from 'linkedom';
import type { ParseDocument } from './types.js';

const parser = new DOMParser();

export const parseWithLinkedom: ParseDocument = (text, type) => parser.parseFromString(text, type) as unknown as Document;
