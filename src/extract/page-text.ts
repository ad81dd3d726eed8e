/**
 * The text Firsthand checks for an extracted article: the headline, then the
 * body. A copied headline is part of a copy, and the corpus stores articles
 * the same way, so offsets and word counts agree between the two sides.
 */
export function pageText(article: { title: string; text: string }): string {
  const title = article.title.trim();
  if (!title || article.text.trimStart().startsWith(title)) return article.text;
  return `${title}\n\n${article.text}`;
}
