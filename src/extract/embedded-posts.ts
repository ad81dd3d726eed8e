/**
 * Embedded social posts (a tweet, an Instagram post) as the article quotes them: the post's text,
 * then one line "— Name (@handle) date", the shape the engine reads as a quotation. Embed markup
 * differs per network (Instagram wraps its caption in a link, which the clean-up would take for a
 * teaser headline, and words its credit "A post shared by …"); each is rewritten to that one shape
 * before Readability sees the page. A post a network's script has already replaced with an iframe
 * holds no text in the page and is lost either way.
 */
import { collapseWhitespace } from './block-text.js';

const POST_SELECTOR = 'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media';

/** "Jane Doe (@janedoe) July 15, 2018" inside a post's credit, however the network words it. */
const CREDIT = /([^()—–-][^()]*?)\s*\((@[\w.]{1,30})\)\s*(?:on\s+)?(.*)$/u;

/** Link text that is only an address of the post's media: nothing a reader quotes. */
const MEDIA_LINK = /(?:^|\s)(?:pic\.twitter\.com|https?:\/\/t\.co)\/\S+/g;

/** Rewrites every embedded post under `root` to a blockquote of its text and its credit line. */
export function normalizeEmbeddedPosts(root: ParentNode): void {
  for (const post of Array.from(root.querySelectorAll(POST_SELECTOR))) {
    const shaped = post.classList.contains('instagram-media') ? instagramPost(post) : tweet(post);
    if (!shaped) continue;
    const doc = post.ownerDocument;
    const quote = doc.createElement('blockquote');
    for (const line of [shaped.text, `— ${shaped.credit}`]) {
      const p = doc.createElement('p');
      p.textContent = line;
      quote.appendChild(p);
    }
    post.replaceWith(quote);
  }
}

interface ShapedPost {
  readonly text: string;
  readonly credit: string;
}

/** A tweet: its `<p>` is the text; what follows it is "— Name (@handle) date". */
function tweet(post: Element): ShapedPost | null {
  const body = post.querySelector('p');
  if (!body) return null;
  const text = collapseWhitespace((body.textContent ?? '').replace(MEDIA_LINK, ' '));
  let after = '';
  for (let n = body.nextSibling; n; n = n.nextSibling) after += n.textContent ?? '';
  const credit = creditOf(collapseWhitespace(after).replace(/^[—–-]+\s*/, ''));
  return text && credit ? { text, credit } : null;
}

/** An Instagram post: the caption paragraph, and "A post shared by Name (@handle) on date". */
function instagramPost(post: Element): ShapedPost | null {
  let text = '';
  let credit: string | null = null;
  for (const p of Array.from(post.querySelectorAll('p'))) {
    const line = collapseWhitespace(p.textContent ?? '');
    const shared = /^a (?:post|video|photo) shared by\s+(.*)$/iu.exec(line);
    if (shared) credit = creditOf(shared[1]!);
    else if (line && !/^view this (?:post|profile) on instagram$/i.test(line)) text = text ? `${text} ${line}` : line;
  }
  return text && credit ? { text, credit } : null;
}

function creditOf(line: string): string | null {
  const m = CREDIT.exec(line);
  if (!m) return null;
  const date = m[3]!.replace(/\s+at\s+\d{1,2}:\d{2}\s*[ap]m(?:\s+[A-Z]{2,4})?$/i, '').trim();
  return `${m[1]!.trim()} (${m[2]}) ${date}`.trim();
}
